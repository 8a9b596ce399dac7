"""Search finds what people type: Arabic or Persian letters, tatweel, vowels, non-joiner, any digits.

A tiny site in Swahili, English and Persian is built once with Pagefind; Chromium types each
spelling on the search page of its language. The search status counts with plural forms.
"""

from __future__ import annotations

import contextlib
import io
from urllib.parse import quote

import pytest

from fixture_site import staged_build, tiny_site, write
from kit_search.folding import fold

LANGUAGES = "    - code: en\n      name: English\n"
PERSIAN = LANGUAGES + "    - code: fa\n      name: فارسی\n"
ITEMS = {
    # Persian spelling, a non-joiner, a year in Persian digits.
    "news/2026-11-02-ketabkhane.fa.md": "---\ntitle: کتابخانه‌ی تازه\ndate: 2026-11-02\ncategory: آب\n---\n"
                                        "کتابخانه‌ی مرکزی در سال ۱۳۹۸ ساخته شد و کتاب‌ها را به مدرسه می‌فرستد.\n",
    # Typed on an Arabic layout, with a tatweel and vowel marks.
    "news/2026-11-03-daneshgah.fa.md": "---\ntitle: دانشـگاه\ndate: 2026-11-03\ncategory: آب\n---\n"
                                       "دانشـگاه شهر با كتابخانهٔ مركزي همكاري مي‌كند؛ دَرس از ساعت ٨ است.\n",
    "news/2026-11-04-kisima.md": "---\ntitle: Kisima cha Lumbe\ndate: 2026-11-04\ncategory: Maji\n---\n"
                                 "Kisima kilichimbwa mwaka 2019 karibu na bwawa.\n",
    "news/2026-11-05-kisima-pili.md": "---\ntitle: Kisima cha pili\ndate: 2026-11-05\ncategory: Maji\n---\nKisima kingine.\n",
    "news/2026-11-04-borehole.en.md": "---\ntitle: Lumbe borehole\ndate: 2026-11-04\ncategory: Water\n---\n"
                                      "The borehole was drilled in 2019 near the reservoir.\n",
    "news/2026-11-05-second-borehole.en.md": "---\ntitle: Second borehole\ndate: 2026-11-05\ncategory: Water\n---\n"
                                             "Another borehole.\n",
}
KETABKHANE = "/fa/news/2026-11-02-ketabkhane/"
DANESHGAH = "/fa/news/2026-11-03-daneshgah/"


@pytest.fixture(scope="module")
def searched(tmp_path_factory, browser):
    """(base address, Chromium, what the build printed) for the tiny site in three languages."""
    from kit_audit import serve

    folder = tmp_path_factory.mktemp("folding")
    content = tiny_site(folder)
    site_yaml = (content / "site.yaml").read_text(encoding="utf-8")
    write(content / "site.yaml", site_yaml.replace(LANGUAGES, PERSIAN))
    for name, text in ITEMS.items():
        write(content / name, text)
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        outcome = staged_build(content, folder / "output", KIT_SEARCH=True)
    assert outcome.code == 0, outcome.message
    with serve(folder / "output") as base:
        yield base, browser, printed.getvalue()


def search(searched, prefix: str, query: str) -> tuple[str, list[tuple[str, str]]]:
    """(status, [(address, excerpt)]) after typing `query` on the search page of `prefix`."""
    base, browser, _ = searched
    page = browser.new_page()
    page.goto(f"{base}{prefix}search/?q={quote(query)}")
    page.wait_for_function("document.querySelector('.js-search-status').textContent !== ''", timeout=10000)
    results = page.eval_on_selector_all(".kit-results__item", "items => items.map(item => "
                                        "[item.querySelector('a').getAttribute('href'), item.querySelector('p').textContent])")
    status = page.text_content(".js-search-status")
    page.close()
    return status, [tuple(result) for result in results]


@pytest.mark.parametrize("query, expected", [
    ("كتابخانه", {KETABKHANE, DANESHGAH}),   # Arabic kaf and yeh typed; the index holds both spellings
    ("کتابخانه", {KETABKHANE, DANESHGAH}),   # Persian letters find the page written with Arabic ones
    ("مركزي", {KETABKHANE, DANESHGAH}),
    ("کتـابخانه", {KETABKHANE, DANESHGAH}),  # a tatweel typed
    ("کِتابخانه", {KETABKHANE, DANESHGAH}),  # a vowel mark typed
    ("دانشگاه", {DANESHGAH}),                # the page has a tatweel
    ("درس", {DANESHGAH}),                    # the page has a vowel mark
    ("کتاب‌ها", {KETABKHANE}),               # with the non-joiner
    ("کتابها", {KETABKHANE}),                # without it
    ("می‌کند", {DANESHGAH}),
    ("1398", {KETABKHANE}),                  # ASCII digits for ۱۳۹۸
    ("۱۳۹۸", {KETABKHANE}),
    ("١٣٩٨", {KETABKHANE}),                  # Arabic-Indic digits
    ("۸", {DANESHGAH}),                      # Persian digit for an Arabic-Indic one on the page
])
def test_persian_search_finds_every_spelling(searched, query, expected):
    status, results = search(searched, "/fa/", query)
    assert expected <= {address for address, _ in results}, (query, status, results)


@pytest.mark.parametrize("prefix, query, expected", [
    ("/", "2019", "/news/2026-11-04-kisima/"),
    ("/", "۲۰۱۹", "/news/2026-11-04-kisima/"),
    ("/en/", "2019", "/en/news/2026-11-04-borehole/"),
    ("/en/", "٢٠١٩", "/en/news/2026-11-04-borehole/"),
])
def test_swahili_and_english_search_fold_digits(searched, prefix, query, expected):
    _, results = search(searched, prefix, query)
    assert [address for address, _ in results] == [expected]


def test_excerpts_show_the_text_as_written(searched):
    _, results = search(searched, "/fa/", "1398")
    excerpt = dict(results)[KETABKHANE]
    assert "۱۳۹۸" in excerpt and "کتاب‌ها" in excerpt and "1398" not in excerpt
    _, results = search(searched, "/fa/", "درس")
    assert "دَرس" in dict(results)[DANESHGAH] and "كتابخانهٔ مركزي" in dict(results)[DANESHGAH]


def test_highlights_mark_the_words_found(searched):
    base, browser, _ = searched
    page = browser.new_page()
    page.goto(f"{base}/fa/search/")
    marked = page.evaluate("""async () => {
        const pagefind = await import('/fa/pagefind/pagefind.js');
        const found = await pagefind.search('مدرسه');
        return Promise.all(found.results.map(async (result) => (await result.data()).excerpt));
    }""")
    page.close()
    assert len(marked) == 1 and "<mark>مدرسه</mark>" in marked[0], marked


@pytest.mark.parametrize("prefix, query, status", [
    ("/en/", "reservoir", "1 result"),
    ("/en/", "borehole", "2 results"),
    ("/", "bwawa", "Tokeo 1"),
    ("/", "kisima", "Matokeo 2"),
    ("/fa/", "مدرسه", "۱ نتیجه"),
    ("/fa/", "کتابخانه", "۲ نتیجه"),
])
def test_search_status_counts_with_plural_forms(searched, prefix, query, status):
    assert search(searched, prefix, query)[0] == status


def test_the_query_is_folded_like_the_index(searched):
    base, browser, _ = searched
    typed = "يىكـًٌٍَُِّْٰٕ‌۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩ آب 2026"
    page = browser.new_page()
    page.goto(f"{base}/fa/search/")
    script = page.get_attribute('script[type="module"]', "src")
    folded = page.evaluate("async ([script, typed]) => (await import(script)).fold(typed)", [script, typed])
    page.close()
    assert folded == fold(typed) == "ییک01234567890123456789 آب 2026"


def test_build_names_persian_files_spelled_with_arabic_letters(searched):
    printed = searched[2]
    assert "news/2026-11-03-daneshgah.fa.md: line 6" in printed
    assert "ketabkhane" not in printed and "kisima" not in printed


def test_fold_changes_every_folded_character_and_nothing_else():
    from kit_search.folding import TABLE

    text = "Kisima 2019: " + "".join(map(chr, TABLE)) + " کتاب‌ها ۱۴۰۵ " * 3
    assert fold(text) == text.translate(TABLE)
    assert fold("Maji na bwawa") == "Maji na bwawa"
