"""The shape of a letter, common to every family that prints letters and telegrams.

A dateline and a salutation open it; a closing salutation, a signature and sometimes a
repeated date close it; P.S., P.P.S. and N.B. follow. Readers hand over the paragraphs
between header and footnotes; this module finds the parts by their wording.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from teikit.dates import DateValue, find_date, has_month, parse_date
from teikit.inline import collapse_spaces, parse_inline
from teikit.model import Block, Closer, Opener, Para, Postscript, Quote

_SALUTE = re.compile(
    r"^(?:(?:(?:My\s+)?Dear|Comrades?|Tovarishch|Esteemed|Respected|Sir|Madam|Gentlemen|Friends?|To)\b|(?:T|Tov)\.\s*[A-Z]).{0,80}$"
    r"|^[^.!?]{1,60}[!,]$",
    re.I,
)
_CLOSING = re.compile(
    r"^(?P<salute>(?:With\s+(?:[\w-]+\s+){0,3}?(?:greetings?|love|regards|wishes|respect|kisses|handshakes?)"
    r"|(?:Best|Kind|Warm|Warmest|Comradely|Communist)\s+(?:regards|wishes|greetings)|Regards|Greetings|Love|Kisses"
    r"|Yours(?:\s+(?:truly|sincerely|faithfully|ever))?|Your\s+[\w-]+|All\s+the\s+best|I\s+shake\s+your\s+hand"
    r"|Shake\s+hands|Salud|Cheers)[,.!]?)(?:\s+(?P<signed>[A-Z(][^!?]{0,60}))?$",
    re.I,
)
_POSTSCRIPT = re.compile(r"^(?P<label>P\.\s?P\.\s?S\.|P\.\s?S\.|PPS\b|PS\b|N\.\s?B\.|NB\b)\s*:?", re.I)
_SIGNATURE = re.compile(r"^(?:[A-Z][\w’'-]*\.?\s+){0,3}[A-Z][\w’'-]+(?:\s*\([^)]{1,40}\))?\.?$")


_PLACE = re.compile(r"[A-Z][\w'’.-]+(?:[ -](?:[A-Z][\w'’.-]+|on|am|an|upon|de|sur))*")


def is_dateline(text: str, year: int | None = None) -> tuple[DateValue, str | None] | None:
    """A line that is only a date, or a place and a date ("Moscow, 24 April 1922").

    `year` is the document's year, for datelines that omit it ("20/XII."). A bare year
    next to other words ("Request for 2000 rifles") is no dateline.
    """
    text = collapse_spaces(text)
    if len(text) > 80:
        return None
    whole = parse_date(text, year=year)
    if whole is not None:
        return whole, None
    found = find_date(text, year=year)
    if found is None:
        return None
    start, end, value = found
    rest = collapse_spaces(text[:start] + " " + text[end:]).strip(" ,.;")
    if has_month(value) and _PLACE.fullmatch(rest) and len(rest.split()) <= 4 and not _SALUTE.match(text):
        return value, rest
    return None


def is_salute(text: str) -> bool:
    text = collapse_spaces(text)
    return len(text.split()) <= 12 and bool(_SALUTE.match(text)) and not is_postscript(text)


def is_postscript(text: str) -> bool:
    return bool(_POSTSCRIPT.match(collapse_spaces(text)))


_NAME = r"(?:[A-Z][\w’'-]*\.?\s*){0,3}[A-Z][\w’'-]+(?:\s*\([^)]{1,40}\))?"
_OFFICE = (
    r"(?:Chairman|Deputy\s+Chairman|President|Secretary|General\s+Secretary|People[’']s\s+Commissar|Commissar"
    r"|Member|Head|Director|Commander|Ambassador|Plenipotentiary|Representative)\b[^.!?]{0,90}?"
)
# A signature: one to four names ("Lenin", "V. Ulyanov (Lenin)", "Lenin, Trotsky", "Lenin. Stalin."),
# each perhaps with its office before or after it.
_SIGNED_ONE = rf"(?:{_OFFICE}\s+)?{_NAME}(?:,?\s+{_OFFICE})?"
_SIGNATURE = re.compile(rf"^{_SIGNED_ONE}(?:(?:\.|,|;|\s+and)?\s+{_SIGNED_ONE}){{0,3}}\.?$")
_REMARK = re.compile(
    r"^(?:Dictated|Sent|Written|Transmitted|Telegraphed|Received|Handed|Forwarded)\s+(?:by|over|on|in|at|to|from)\b[^.!?]{0,60}\.?$"
)


def is_signature(text: str) -> bool:
    text = collapse_spaces(text)
    return len(text) <= 200 and len(text.split()) <= 24 and bool(_SIGNATURE.match(text))


def is_remark(text: str) -> bool:
    """An editor's line printed after the signature: "Dictated by telephone"."""
    text = collapse_spaces(text)
    return len(text.split()) <= 8 and "," not in text and bool(_REMARK.match(text))


def letter_blocks(paragraphs: list[str], note_numbers: Collection[str] = (), year: int | None = None) -> list[Block]:
    """Opener, paragraphs, closer and postscripts of a letter's text."""
    paras = [collapse_spaces(p) for p in paragraphs if p.strip()]
    blocks: list[Block] = []

    opener = Opener()
    if paras and (dated := is_dateline(paras[0], year)):
        opener.dateline = parse_inline(paras.pop(0), note_numbers)
        opener.date, opener.place = dated
    if paras and is_salute(paras[0]) and len(paras) > 1:
        opener.salute = parse_inline(paras.pop(0), note_numbers)
    if opener.dateline or opener.salute:
        blocks.append(opener)

    postscripts: list[Postscript] = []
    first_ps = next((i for i, p in enumerate(paras) if is_postscript(p)), None)
    if first_ps is not None and first_ps > 0:
        for text in paras[first_ps:]:
            if is_postscript(text) or not postscripts:
                label = _POSTSCRIPT.match(text)
                postscripts.append(
                    Postscript(paras=[Para(parse_inline(text, note_numbers))], label=label.group("label") if label else "")
                )
            else:
                postscripts[-1].paras.append(Para(parse_inline(text, note_numbers)))
        paras = paras[:first_ps]

    closer = _closer(paras, note_numbers, year)
    blocks.extend(_body_blocks(paras, note_numbers))
    if closer is not None:
        blocks.append(closer)
    blocks.extend(postscripts)
    return blocks


def _closer(paras: list[str], note_numbers: Collection[str], year: int | None) -> Closer | None:
    """Take the closing lines off the end of `paras` (in place)."""
    remarks = 0
    while remarks < 2 and len(paras) > remarks + 2 and is_remark(paras[-1 - remarks]):
        remarks += 1
    body = paras[: len(paras) - remarks]
    closer = Closer()
    if len(body) > 1 and (dated := is_dateline(body[-1], year)) and dated[1] is None:
        closer.dateline = parse_inline(body.pop(), note_numbers)
        closer.date = dated[0]
    if len(body) > 1 and len(body[-1].split()) <= 10 and (m := _CLOSING.match(body[-1])):
        body.pop()
        closer.salute = parse_inline(m.group("salute"), note_numbers)
        if m.group("signed"):
            closer.signed = parse_inline(m.group("signed"), note_numbers)
    elif len(body) > 1 and is_signature(body[-1]):
        closer.signed = parse_inline(body.pop(), note_numbers)
        if len(body) > 1 and (m := _CLOSING.fullmatch(body[-1])) and not m.group("signed"):
            closer.salute = parse_inline(body.pop(), note_numbers)
    if not (closer.salute or closer.signed or closer.dateline):
        return None  # remarks with nothing to close stay paragraphs
    closer.remarks = [parse_inline(text, note_numbers) for text in paras[len(paras) - remarks :]]
    paras[:] = body
    return closer


QUOTE_OPEN = ("“", '"', "«", "„")
_QUOTE_CLOSE = ("”", '"', "»", "“")


def _open_quotes(text: str) -> int:
    """Opening minus closing quotation marks: > 0 when a quotation runs on past the paragraph."""
    opened = text.count("“") + text.count("«") + text.count("„")
    closed = text.count("”") + text.count("»")
    if text.startswith("„"):
        closed -= text.count("“")  # German „...“ closes with “
        opened -= text.count("“")
    return opened - closed + text.count('"') % 2


def quote_run(paras: list[str], i: int) -> tuple[int, int]:
    """(end, scanned) for a quotation of several paragraphs starting at `i`.

    Typographic convention: every paragraph of the quotation opens with a quotation mark
    and leaves it open; the last one closes it. `end` is `i` when there is none; then no
    paragraph before `scanned` can start one either (they would run into the same end).
    """
    j = i
    while j < len(paras) and paras[j].startswith(QUOTE_OPEN) and _open_quotes(paras[j]) > 0:
        j += 1
    if j > i and j < len(paras) and paras[j].startswith(QUOTE_OPEN) and _open_quotes(paras[j]) <= 0:
        return j + 1, j + 1
    return i, max(j, i + 1)


_ANNOUNCED = re.compile(r"\b(telegram|letter|statement|resolution|declaration|note)s?\b[^.]*:$", re.I)


def _announced(previous: str) -> str | None:
    """"... the following telegram should be sent on my behalf:" announces a telegram."""
    m = _ANNOUNCED.search(previous.rstrip())
    return m.group(1).lower() if m else None


def quotation(paras: list[str], note_numbers: Collection[str], kind: str | None = None) -> Quote:
    """The paragraphs of a quotation, without the marks that open each and close the last."""
    quoted = [p[1:] for p in paras]
    last = quoted[-1].rstrip()
    quoted[-1] = last[:-1] if last.endswith(_QUOTE_CLOSE) else last
    return Quote([Para(parse_inline(q, note_numbers)) for q in quoted], type=kind, rend="double-quotes")


def _body_blocks(paras: list[str], note_numbers: Collection[str]) -> list[Block]:
    """Paragraphs, with each quotation of several paragraphs as one quote."""
    blocks: list[Block] = []
    i = 0
    while i < len(paras):
        end, scanned = quote_run(paras, i)
        if end > i:
            blocks.append(quotation(paras[i:end], note_numbers, kind=_announced(paras[i - 1] if i else "")))
            i = end
        else:
            blocks.extend(Para(parse_inline(p, note_numbers)) for p in paras[i:scanned])
            i = scanned
    return blocks
