"""Write docs/content-types.md from the schemas: `.venv/bin/python plugins/kit_types/write_docs.py`."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "plugins"))

from kit_types import markdown_guide  # noqa: E402

if __name__ == "__main__":
    target = ROOT / "docs" / "content-types.md"
    target.write_text(markdown_guide(), encoding="utf-8")
    print(target.relative_to(ROOT))
