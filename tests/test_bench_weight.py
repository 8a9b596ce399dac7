"""bench/weight.py: when Lighthouse runs can no longer change a median; which word each language searches."""

import pytest

from bench.weight import medians_fixed, search_words, settled


def test_two_equal_runs_of_three_fix_the_median():
    assert settled([100, 100], 3)
    assert not settled([100, 99], 3)
    assert not settled([100], 3)
    assert settled([99, 100, 100], 3)


def test_five_runs_need_three_equal_values():
    assert not settled([100, 100], 5)
    assert settled([100, 98, 100, 100], 5)
    assert settled([100], 1)


def run(performance: int, seo: int = 100) -> dict[str, int]:
    return {"performance": performance, "accessibility": 100, "best-practices": 100, "seo": seo}


def test_every_category_must_be_fixed_before_a_page_leaves_the_rounds():
    assert not medians_fixed([], 5)
    assert not medians_fixed([run(100), run(100, seo=92)], 3)
    assert medians_fixed([run(100), run(100), run(100, seo=92)], 3)
    assert not medians_fixed([run(100), run(100), run(99)], 5)
    assert medians_fixed([run(100), run(99), run(100), run(100)], 5)
    assert not medians_fixed([run(100), run(99), run(100, seo=92)], 5)


def test_search_words_per_language_or_one_for_all():
    assert search_words("sw=maji,en=water,fa=آب", ["sw", "en", "fa"]) == {"sw": "maji", "en": "water", "fa": "آب"}
    assert search_words("maji", ["sw", "en"]) == {"sw": "maji", "en": "maji"}
    assert search_words("en=water", ["sw", "en"]) == {"en": "water"}
    assert search_words("", ["sw"]) == {}


def test_a_search_word_for_a_language_the_site_lacks_is_refused():
    with pytest.raises(SystemExit, match="no language de"):
        search_words("sw=maji,de=wasser", ["sw", "en"])
    with pytest.raises(SystemExit, match="code=word"):
        search_words("sw=maji,water", ["sw", "en"])
