"""iCalendar files for events; see kit_calendar.py."""

from .kit_calendar import calendar, escape, fold

__all__ = ["calendar", "escape", "fold"]
