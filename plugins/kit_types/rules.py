"""The rules declared on fields that need more than the value itself.

A schema's `Field` may say `minimum`/`maximum` (a number's range), `not_before`
(a date not before a sibling field), `refers` (the name of an item of another
content folder, such as a unit) or `under` (a file under content/files/ or
content/images/). `apply_rules()` checks them on one item's front matter through
its `ItemChecker`, which knows the site's files and the lines of the fields, and
keeps each file's description for the templates.
"""

from __future__ import annotations

from typing import Any

from kit_schema import Field, parse_date


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _range(name: str, value: Any, spec: Field, check) -> None:
    low, high = spec.minimum, spec.maximum
    if _number(value) and ((low is not None and value < low) or (high is not None and value > high)):
        check.add(name, f"'{value}' is not right; expected a number from {low:g} to {high:g}")


def _order(name: str, value: Any, spec: Field, values: dict, check) -> None:
    other = values.get(spec.not_before)
    start, end = parse_date(other), parse_date(value)
    if start is None or end is None:
        return
    whole_day = len(str(value).strip()) == 10
    if (end.date() < start.date()) if whole_day else (end < start):
        check.add(name, f"'{value}' is before the {spec.not_before}; expected a moment not before {other}")


def _one(name: str, value: Any, spec: Field, values: dict, check) -> None:
    if value is None or value == "":
        return
    if spec.minimum is not None or spec.maximum is not None:
        _range(name, value, spec, check)
    if spec.not_before:
        _order(name, value, spec, values, check)
    if spec.refers:
        for number, entry in enumerate(value) if isinstance(value, list) else [(None, value)]:
            check.refers(name if number is None else f"{name}.{number}", entry, spec.refers)
    if spec.under:
        check.infos[name] = check.file(name, value, spec.under)


def apply_rules(values: dict, schema: dict[str, Field], check, prefix: str = "") -> None:
    """Check every declared rule of `schema` on `values`, into `check`."""
    if not isinstance(values, dict):
        return
    for name, spec in schema.items():
        value = values.get(name)
        _one(prefix + name, value, spec, values, check)
        if spec.kind == "mapping" and spec.fields:
            apply_rules(value, spec.fields, check, f"{prefix}{name}.")
        elif spec.kind == "mappings" and spec.fields and isinstance(value, list):
            for number, entry in enumerate(value):
                apply_rules(entry, spec.fields, check, f"{prefix}{name}.{number}.")
