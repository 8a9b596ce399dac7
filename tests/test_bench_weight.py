"""bench/weight.py: when further Lighthouse runs can no longer change a median."""

from bench.weight import medians_fixed, settled


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
