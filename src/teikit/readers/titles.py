"""Titles for documents whose page prints none: "V. I. Lenin to A. A. Joffe, 2 June 1918"."""

from __future__ import annotations

from teikit.dates import DateValue
from teikit.model import Document

MONTHS = "January February March April May June July August September October November December".split()


def readable_date(value: DateValue) -> str:
    """An ISO value read aloud ("2 June 1918"); the date as written when it has none."""
    iso = value.when
    if iso is None:
        return value.text
    parts = iso.split("-")
    if len(parts) == 3:
        return f"{int(parts[2])} {MONTHS[int(parts[1]) - 1]} {parts[0]}"
    if len(parts) == 2:
        return f"{MONTHS[int(parts[1]) - 1]} {parts[0]}"
    return parts[0]


def display_name(name: str) -> str:
    """Pages set some names in capitals ("A. A. JOFFE"); titles use ordinary case."""
    if name.isupper():
        return " ".join(w.capitalize() if len(w) > 2 else w for w in name.split())
    return name


def correspondence_title(doc: Document) -> str:
    title = ", ".join(display_name(p.name) for p in doc.authors)
    if doc.recipients:
        title += " to " + ", ".join(display_name(p.name) for p in doc.recipients)
    if doc.date:
        title += f", {readable_date(doc.date)}"
    return title.strip(" ,") or "Untitled document"
