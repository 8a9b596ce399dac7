"""Markdown and page rendering shared among processes; see kit_parallel.py."""

from .kit_parallel import SharedWriter, register, workers

__all__ = ["SharedWriter", "register", "workers"]
