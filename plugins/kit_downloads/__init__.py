"""CSV and JSON downloads of projects and investments; see kit_downloads.py."""

from .kit_downloads import as_csv, as_json, csv_cell

__all__ = ["as_csv", "as_json", "csv_cell"]
