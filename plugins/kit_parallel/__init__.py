"""Markdown and page rendering shared among processes; see kit_parallel.py."""

from .kit_parallel import SharedWriter, workers

__all__ = ["SharedWriter", "workers"]
