"""Stable file names and xml:ids: "1926-03-27-serebryakov-to-stalin".

Names come from what the document is (date, author, recipient), not from the raw file's
name, so re-importing a corrected raw page writes to the same file.
"""

from __future__ import annotations

import re
import unicodedata

from teikit.model import Document, Person

_CYRILLIC = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        "a b v g d e e zh z i i k l m n o p r s t u f kh ts ch sh shch - y - e iu ia".split(),
    )
)


def ascii_slug(text: str, max_words: int = 6) -> str:
    text = "".join(_CYRILLIC.get(ch, ch) for ch in text.lower()).replace("-", " ")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", text.replace("'", ""))
    return "-".join(words[:max_words])


def surname(person: Person) -> str:
    """The name a person is known by, for file names."""
    name = person.name
    if "," in name:
        # Catalogue form "Liakhovetsky, Ivan Mikhailovich (Maisky)": the bracket says whom
        # the reader knows; otherwise the surname comes first.
        gloss = re.search(r"\(([^)]+)\)", name)
        return gloss.group(1) if gloss else name.split(",")[0]
    # "L. D. Trotsky (Bronstein)", "N. Lenin (V. I. Ulyanov)": the name before the bracket.
    name = re.sub(r"\s*\([^)]*\)", "", name)
    words = [w for w in re.split(r"\s+", name.strip()) if w and not re.fullmatch(r"[A-Z]\.|Comrade|T\.|Tov\.", w)]
    return words[-1] if words else name


def document_slug(doc: Document) -> str:
    date = doc.date.sort_key if doc.date and doc.date.sort_key else "undated"
    parts = [date]
    authors = "-".join(ascii_slug(surname(p), 2) for p in doc.authors[:2])
    if authors:
        parts.append(authors)
    if doc.recipients and doc.doc_type in {"letter", "telegram", "note"}:
        parts.append("to")
        parts.append("-".join(ascii_slug(surname(p), 2) for p in doc.recipients[:2]))
    elif doc.doc_type == "diary-entry":
        parts.append("diary")
    else:
        title = re.sub(r"^.*?:\s*", "", doc.title) if ":" in doc.title else doc.title
        parts.append(ascii_slug(title, 5) or doc.doc_type)
    return "-".join(p for p in parts if p)


def xml_id(slug: str) -> str:
    """xml:id must not start with a digit."""
    return f"doc-{slug}"
