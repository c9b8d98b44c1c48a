"""Register entries from the biographical notes the Yale archive prints after a name.

A note such as "Joseph Austen Chamberlain, Conservative MP, 1892–1937; elder half-brother
of Neville Chamberlain; secretary of state for foreign affairs, 1924–29; ..." becomes a
person with the note's full name as preferred name, the form the text uses before the
note ("Austen Chamberlain") as a variant, every office the note dates ("<office>, <years>")
as an `occupation` with @from/@to (or @when), a death year when the note says "died in
1942", and the note itself, verbatim, as the entry's note. Nothing is inferred beyond
what the note says: an office whose dates cannot be read as one span keeps its text
without dates. A note already turned into an entry changes nothing, so the step is
idempotent and an editor's later corrections to the entry are kept: the entry is known
by its note (`note[@type="biographical"]`, its text and @source), not by its names,
which an editor may correct; a person an editor entered by hand under the note's name
is not entered again either.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from teikit.registers.lookup import derived_forms, name_key, split_person_name
from teikit.registers.model import XML_ID, Registers, T, normalise_name, slug

_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december"]
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_DASH = r"\s*[–—-]\s*"
_NAME_WORD = r"(?:[A-Z][a-z]?\.\s*(?:[A-Z][a-z]?\.\s*)*|(?:Sir|Lord|Dr\.?)\s+)?[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+)*"


# The name(s) a note starts with: 'Feoktista (Feka) Poludova,', 'Lev Polonsky and Elizaveta Polonskaya.'
_HEAD = re.compile(rf"({_NAME_WORD}(?:\s*\([A-Z][\w’'\-]+\)\s*[A-Z][\w’'\-]+)?)(?:\s+and\s+({_NAME_WORD}))?\s*([,.])\s*")


@dataclass
class Biography:
    """What one biographical note says about one person."""

    name: str
    nicknames: list[str] = field(default_factory=list)
    occupations: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    death: str | None = None
    birth: str | None = None
    note: str = ""


def year_span(text: str) -> dict[str, str] | None:
    """'1924–29' -> from/to; '1925' -> when; 'January–October 1924' -> months. Else None."""
    text = text.strip().rstrip(".")
    m = re.fullmatch(r"(\d{4})", text)
    if m:
        return {"when": m.group(1)}
    m = re.fullmatch(rf"(\d{{4}}){_DASH}(\d{{2}}|\d{{4}})", text)
    if m:
        start, end = m.group(1), m.group(2)
        end = start[:2] + end if len(end) == 2 else end
        return {"from": start, "to": end} if end > start else None
    m = re.fullmatch(rf"({_MONTH}){_DASH}({_MONTH})\s+(\d{{4}})", text)
    if m:
        a, b = _MONTHS.index(m.group(1).lower()) + 1, _MONTHS.index(m.group(2).lower()) + 1
        return {"from": f"{m.group(3)}-{a:02d}", "to": f"{m.group(3)}-{b:02d}"} if b > a else None
    return None


def _occupation(segment: str) -> tuple[str, dict[str, str]] | None:
    """'president of the General Council of the TUC, 1934–35' -> office and its dates."""
    segment = segment.strip().rstrip(".")
    m = re.fullmatch(r"([^,]+),\s*([^,]+)", segment)
    if m and re.search(r"\d{4}", m.group(2)) and re.fullmatch(rf"[\d\s–—\-]*(?:(?:{_MONTH}|and)[\d\s–—\-]*)*", m.group(2)):
        return m.group(1).strip(), year_span(m.group(2)) or {}
    return None


def parse_biography(text: str) -> list[Biography]:
    """The person(s) one note describes; [] when the note does not start with a name."""
    text = " ".join(text.split())
    m = _HEAD.match(text)
    if not m:
        return []
    names = [m.group(1)] + ([m.group(2)] if m.group(2) else [])
    rest = text[m.end():] if m.group(3) == "," else ""
    people = []
    for written in names:
        nicknames = re.findall(r"\(([^)]+)\)", written)
        name = normalise_name(re.sub(r"\s*\([^)]*\)\s*", " ", written))
        if split_person_name(name) is None:
            continue
        bio = Biography(name, nicknames, note=text)
        if len(names) == 1:
            segments = [re.split(r"\.\s+(?=[A-Z])", s)[0] for s in rest.split(";")]
            for i, segment in enumerate(segments):
                found = _occupation(segment)
                if found:
                    bio.occupations.append(found)
                elif i == 0 and segment and segment[0].islower() and "’s" not in segment and "'s" not in segment \
                        and "," not in segment and len(segment.split()) <= 6:
                    bio.occupations.append((segment.strip().rstrip("."), {}))
        died = re.search(r"\b(?:he|she)?\s*died(?: in)? (\d{4})\b", text)
        born = re.search(r"\bborn(?: in)? (\d{4})\b", text)
        bio.death = died.group(1) if died and len(names) == 1 else None
        bio.birth = born.group(1) if born and len(names) == 1 else None
        people.append(bio)
    return people


def mention_before(note: etree._Element) -> str | None:
    """The name the text gives just before a note: 'Austen Chamberlain', 'Feka'."""
    previous = note.getprevious()
    text = (previous.tail if previous is not None else note.getparent().text) or ""
    if previous is not None and not text.strip() and etree.QName(previous).localname in {"persName", "rs", "name"}:
        return " ".join("".join(previous.itertext()).split())
    m = re.search(rf"({_NAME_WORD})\s*$", text)
    return " ".join(m.group(1).split()) if m else None


def _document_file(root: etree._Element) -> str | None:
    doc_id = root.get(XML_ID, "")
    return doc_id.removeprefix("doc-") + ".xml" if doc_id.startswith("doc-") else None


def _entry_id(bio: Biography, mention: str | None, registers: Registers) -> str:
    given, surname = split_person_name(bio.name)
    base = slug(surname)
    others = re.findall(rf"\b([A-Z][a-z]+)\s+{re.escape(surname)}\b", bio.note)
    namesakes = {o for o in others if o not in given and o not in bio.nicknames}
    if base not in registers.ids() and not namesakes:
        return base
    mention_parts = split_person_name(mention) if mention else None
    first = next((g for g in (mention_parts[0] if mention_parts else []) if not g.endswith(".")), None)
    first = first or next((g for g in given if not g.endswith(".")), given[0])
    return slug(f"{first} {surname}")


def add_biographies(root: etree._Element, registers: Registers) -> list[str]:
    """Add an entry for every person a biographical note describes; messages for the log."""
    messages = []
    source = _document_file(root)
    for note in root.iter(T + "note"):
        if note.get("type") != "biographical":
            continue
        text = "".join(note.itertext())
        people = parse_biography(text)
        if not people:
            messages.append(f"{root.get(XML_ID, 'document')}: biographical note without a recognisable name: "
                            f"'{' '.join(text.split())[:60]}'")
            continue
        mention = mention_before(note)
        made = _entries_from(registers, people[0].note, source)
        for bio in people:
            if any(entry.has_name(bio.name) for entry in made) or len(made) >= len(people):
                continue  # made from this note before: an editor may have corrected its names since
            _add_entry(bio, mention if len(people) == 1 or _mentions(bio, mention) else None, registers, source)
    return messages


def _source_value(source: str | None) -> str | None:
    return f"../{source}" if source else None


def _after_names(text: str) -> str:
    """A note's text after the name(s) it starts with."""
    m = _HEAD.match(text)
    return text[m.end():] if m else text


def _words(name: str) -> set[str]:
    return {w.casefold() for w in re.findall(r"[^\W\d_]{3,}", name)}


def _entries_from(registers: Registers, text: str, source: str | None) -> list:
    """The person entries made from a biographical note with this text (from this document,
    when both say which): the note, not a name an editor may correct, tells them. An entry
    whose note is this one with its opening name corrected too (an editor's search and
    replace) is one if it still shares a word of a name with the note's opening."""
    wanted = _source_value(source)
    rest, head = _after_names(text), _words(text[: len(text) - len(_after_names(text))])
    out = []
    for entry in registers.entries("person"):
        for note in entry.element.findall(T + "note"):
            if note.get("type") != "biographical" or not (wanted is None or note.get("source") in (None, wanted)):
                continue
            written = " ".join("".join(note.itertext()).split())
            if written == text or (rest and _after_names(written) == rest
                                   and head & set().union(*(_words(n) for n, _ in entry.names))):
                out.append(entry)
                break
    return out


def _mentions(bio: Biography, mention: str | None) -> bool:
    parts = split_person_name(bio.name)
    return bool(mention and parts and parts[1] in mention)


def _add_written_form(entry, bio: Biography, nickname: str, surname: str) -> None:
    """The name as the note writes it, 'Feoktista (Feka) Poludova', marked up so that its
    parts stay recognisable: forename, the nickname as an addName, surname."""
    given = bio.name[: -len(surname)].strip()
    if not given or entry.has_name(f"{given} ({nickname}) {surname}"):
        return
    el = etree.Element(T + "persName", type="variant")
    forename = etree.SubElement(el, T + "forename")
    forename.text = given
    forename.tail = " ("
    add = etree.SubElement(el, T + "addName", type="nickname")
    add.text = nickname
    add.tail = ") "
    etree.SubElement(el, T + "surname").text = surname
    entry.element.findall(T + "persName")[-1].addnext(el)
    if entry.registers is not None:
        entry.registers.revision += 1


def _add_entry(bio: Biography, mention: str | None, registers: Registers, source: str | None) -> None:
    for entry in registers.entries("person"):
        if entry.has_name(bio.name):
            return  # already in the register: an editor may have refined it since
    entry = registers.add_entry("person", bio.name, _entry_id(bio, mention, registers))
    surname = split_person_name(bio.name)[1]
    for nickname in bio.nicknames:
        entry.add_name(nickname)
        entry.add_name(f"{nickname} {surname}")
        _add_written_form(entry, bio, nickname, surname)
    known = {name_key(n) for n, _ in entry.names} | {name_key(f) for f in derived_forms(entry)}
    if mention and name_key(mention) not in known:
        entry.add_name(mention)
    if bio.birth:
        entry.add_child(etree.Element(T + "birth", when=bio.birth))
    if bio.death:
        entry.add_child(etree.Element(T + "death", when=bio.death))
    for office, dates in bio.occupations:
        el = etree.Element(T + "occupation", **dates)
        el.text = office
        entry.add_child(el)
    note = etree.Element(T + "note", type="biographical")
    if source:
        note.set("source", _source_value(source))
    note.text = bio.note
    entry.add_child(note)
