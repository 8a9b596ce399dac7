"""Write a deterministic synthetic kit site: N news items in each of sw, en and fa.

`write_corpus(root, n)` copies the demo identity, menus, images, pages and units
of the kit (and any other folder the menus or those files link to) into
`root/content/` and writes N news items per language into
`content/news/`: `2024-05-01-key.md` (Swahili, the default language) with its
translations `2024-05-01-key.en.md` and `2024-05-01-key.fa.md`. Items are about
300 words with `##` headings, a list, links to pages, units and earlier items,
and tags; dates spread over 2018-2025 (never in the future, which the kit would
keep as drafts). Persian items set a Persian `slug:`. The same N always gives
the same files (`random.Random(N)`).

Standalone: `python bench/corpus.py --n 100 --out /tmp/corpus`.
"""

from __future__ import annotations

import argparse
import datetime
import json
import random
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.words import (EDIT_SENTENCE, EXTERNAL_LINKS, HEADINGS, LINK_TARGETS, LINK_TEXTS,
                         PERSIAN_DIGITS, TOPICS, WARDS, WORDS)

ROOT = Path(__file__).resolve().parents[1]
KIT_CONTENT = ROOT / "content"
COPIED = ("site.yaml", "menus.yaml", "images", "pages", "units")
LANGS = ("sw", "en", "fa")
DEFAULT_LANG = "sw"
FIRST_DAY = datetime.date(2018, 1, 1)  # eight whole years, all in the past: WITH_FUTURE_DATES
SPAN_DAYS = (datetime.date(2026, 1, 1) - FIRST_DAY).days  # may turn future items into drafts
ZWNJ = "\u200c"
LINKED_FOLDER = re.compile(r"\{(?:filename|static|attach)\}/?([^/)\s]+)/")


@dataclass(frozen=True)
class Item:
    """One news item: its key (the shared file name) and what its languages share."""

    key: str
    when: datetime.datetime
    topic: int
    titles: dict[str, str]
    fa_slug: str


def lang_suffix(lang: str) -> str:
    """'' for the default language, '.en' for English: the part before `.md`."""
    return "" if lang == DEFAULT_LANG else f".{lang}"


def file_name(key: str, lang: str) -> str:
    return f"{key}{lang_suffix(lang)}.md"


def localize_digits(text: str, lang: str) -> str:
    return text.translate(PERSIAN_DIGITS) if lang == "fa" else text


def words(rng: random.Random, lang: str, count: int) -> list[str]:
    return [rng.choice(WORDS[lang]) for _ in range(count)]


def sentence(rng: random.Random, lang: str, low: int = 8, high: int = 16) -> str:
    """A sentence of real words, with a number or a comma now and then."""
    chosen = words(rng, lang, rng.randint(low, high))
    if rng.random() < 0.3:
        chosen.insert(rng.randrange(1, len(chosen)), localize_digits(str(rng.randint(2, 950)), lang))
    if rng.random() < 0.4:
        at = rng.randrange(2, len(chosen))
        chosen[at - 1] += "،" if lang == "fa" else ","
    text = " ".join(chosen)
    return (text if lang == "fa" else text[:1].upper() + text[1:]) + "."


def paragraph(rng: random.Random, lang: str, low: int = 3, high: int = 4) -> str:
    return " ".join(sentence(rng, lang) for _ in range(rng.randint(low, high)))


def title(rng: random.Random, lang: str) -> str:
    text = " ".join(words(rng, lang, rng.randint(6, 10)))
    return text if lang == "fa" else text[:1].upper() + text[1:]


def slug_of(text: str, count: int = 6) -> str:
    """The first words of a title joined by hyphens (Persian stays Persian)."""
    parts = [word.strip(".,،").replace(ZWNJ, "").lower() for word in text.split()[:count]]
    return "-".join(part for part in parts if part)


def unique(name: str, seen: set[str]) -> str:
    """`name`, or `name-2`, `name-3`... when it is taken; remembers the result."""
    candidate, number = name, 2
    while candidate in seen:
        candidate, number = f"{name}-{number}", number + 1
    seen.add(candidate)
    return candidate


def random_moment(rng: random.Random) -> datetime.datetime:
    day = FIRST_DAY + datetime.timedelta(days=rng.randrange(SPAN_DAYS))
    return datetime.datetime(day.year, day.month, day.day, rng.randint(7, 17), rng.choice((0, 15, 30, 45)))


def plan_items(rng: random.Random, n: int) -> list[Item]:
    """The N items with keys and Persian slugs that never collide."""
    keys: set[str] = set()
    fa_slugs: set[str] = set()
    items = []
    for _ in range(n):
        when = random_moment(rng)
        titles = {lang: title(rng, lang) for lang in LANGS}
        key = unique(f"{when:%Y-%m-%d}-{slug_of(titles['sw'])}", keys)
        items.append(Item(key, when, rng.randrange(len(TOPICS)), titles,
                          unique(slug_of(titles["fa"]), fa_slugs)))
    return items


def yaml_text(value: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


def front_matter(item: Item, lang: str, rng: random.Random) -> str:
    """The kit's news front matter: title, date, category, tags, summary (and slug)."""
    category, topic_tags = TOPICS[item.topic][lang]
    tags = list(rng.sample(topic_tags, rng.randint(1, len(topic_tags))))
    if rng.random() < 0.6:
        tags.append(rng.choice(WARDS[lang]))
    lines = ["---", f"title: {yaml_text(item.titles[lang])}", f"date: {item.when:%Y-%m-%d %H:%M}",
             f"category: {yaml_text(category)}", f"tags: {json.dumps(tags, ensure_ascii=False)}",
             f"summary: {yaml_text(sentence(rng, lang, 14, 24))}"]
    if lang == "fa":
        lines.append(f"slug: {item.fa_slug}")
    return "\n".join(lines + ["---", ""])


def link(rng: random.Random, lang: str, target: str) -> str:
    return f"[{rng.choice(LINK_TEXTS[lang])}]({target})"


def bullet_list(rng: random.Random, lang: str) -> str:
    entries = [sentence(rng, lang, 4, 9)[:-1] for _ in range(rng.randint(3, 5))]
    separator = "؛" if lang == "fa" else ";"
    return "\n".join(f"- {entry}{separator}" for entry in entries[:-1]) + f"\n- {entries[-1]}."


def linked_paragraph(rng: random.Random, lang: str, earlier: Item | None) -> str:
    """A paragraph that links to a page or unit, an earlier item and another site."""
    targets = [f"{{filename}}/{rng.choice(LINK_TARGETS)}{lang_suffix(lang)}.md", rng.choice(EXTERNAL_LINKS)]
    if earlier is not None:
        targets.append(f"{{filename}}/news/{file_name(earlier.key, lang)}")
    return " ".join(f"{sentence(rng, lang)} {link(rng, lang, target)}." for target in targets)


def body(rng: random.Random, item: Item, lang: str, earlier: Item | None) -> str:
    """About 300 words: two paragraphs, a heading and a list, a heading and links."""
    first, second = rng.sample(HEADINGS[lang], 2)
    blocks = [paragraph(rng, lang, 3, 5), paragraph(rng, lang, 3, 5), f"## {first}", paragraph(rng, lang, 2, 3),
              bullet_list(rng, lang), f"## {second}", paragraph(rng, lang, 2, 3),
              linked_paragraph(rng, lang, earlier), paragraph(rng, lang, 3, 4)]
    return "\n\n".join(blocks) + "\n"


def menu_folders(kit_content: Path) -> set[str]:
    """Folders whose items the menus name (`profile/profile`): the site needs them."""
    menus = yaml.safe_load((kit_content / "menus.yaml").read_text(encoding="utf-8")) or {}
    links = [str(entry.get("link", "")) for entries in menus.values() if isinstance(entries, list)
             for entry in entries if isinstance(entry, dict)]
    return {link.split("/")[0] for link in links
            if "/" in link.strip("/") and not link.endswith("/") and "://" not in link}


def linked_folders(folder: Path) -> set[str]:
    """Folders that the Markdown files of `folder` link to with {filename}, {static} or {attach}."""
    return {match for path in folder.glob("*.md")
            for match in LINKED_FOLDER.findall(path.read_text(encoding="utf-8"))}


def folders_to_copy(kit_content: Path) -> set[str]:
    """The base folders, those the menus name, and every folder they link to in turn."""
    chosen = {name for name in COPIED if (kit_content / name).is_dir()} | menu_folders(kit_content)
    pending = set(chosen)
    while pending:
        found = linked_folders(kit_content / pending.pop()) - chosen
        chosen |= found
        pending |= found
    return {name for name in chosen if name != "news" and (kit_content / name).is_dir()}


def copy_kit_content(content: Path, kit_content: Path) -> None:
    """The demo identity, menus and the folders they need: a valid kit site around the news."""
    for name in COPIED:
        if (kit_content / name).is_file():
            shutil.copy2(kit_content / name, content / name)
    for name in sorted(folders_to_copy(kit_content)):
        shutil.copytree(kit_content / name, content / name)


def write_news(news: Path, items: list[Item], rng: random.Random) -> None:
    for number, item in enumerate(items):
        earlier = items[rng.randrange(number)] if number else None
        for lang in LANGS:
            text = front_matter(item, lang, rng) + body(rng, item, lang, earlier)
            (news / file_name(item.key, lang)).write_text(text, encoding="utf-8")


def write_corpus(root: Path, n: int, kit_content: Path = KIT_CONTENT) -> Path:
    """Write the corpus under `root` (replacing `root/content`) and return the content folder.

    The demo files around the news come from `kit_content` (the kit's `content/`).
    """
    content = Path(root) / "content"
    shutil.rmtree(content, ignore_errors=True)
    content.mkdir(parents=True)
    copy_kit_content(content, Path(kit_content))
    (content / "news").mkdir()
    rng = random.Random(n)
    write_news(content / "news", plan_items(rng, n), rng)
    return content


def item_lang(path: Path) -> str:
    """The language of a content file from its name (`x.en.md` is English)."""
    parts = path.name.split(".")
    return parts[-2] if len(parts) > 2 and parts[-2] in LANGS else DEFAULT_LANG


def item_key(path: Path) -> str:
    return path.name.split(".")[0]


def read_item(path: Path) -> tuple[dict, str]:
    """(front matter, body) of a kit content file."""
    text = path.read_text(encoding="utf-8")
    _, front, rest = text.split("---\n", 2)
    return yaml.safe_load(front) or {}, rest


def append_sentence(path: Path) -> None:
    """Edit an item the way an editor would: one more sentence at the end."""
    with path.open("a", encoding="utf-8") as handle:
        handle.write(f"\n{EDIT_SENTENCE[item_lang(path)]}\n")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100, help="news items per language")
    parser.add_argument("--out", type=Path, required=True, help="folder to write content/ into")
    args = parser.parse_args(argv)
    print(write_corpus(args.out, args.n))


if __name__ == "__main__":
    main()
