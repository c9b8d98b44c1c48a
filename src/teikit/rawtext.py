"""Read raw text files scraped from archive web pages, defensively.

A batch import meets every kind of bad input: missing files, folders, PDFs and
images saved with a .txt name, empty pages, legacy Russian or Western code
pages, UTF-16 dumps from Windows tools, leftover HTML character references.
Every way an input can be unusable ends in an InputError whose message is one
line naming the file, so the caller can report it and go on with the rest.
"""

from __future__ import annotations

import bisect
import codecs
import functools
import hashlib
import html.entities
import os
import re
import stat
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

__all__ = [
    "InputError",
    "RawText",
    "read_raw_text",
    "decode_text",
    "decode_entities",
    "find_text_files",
]


# --------------------------------------------------------------------------- errors


class InputError(Exception):
    """A raw input that cannot be imported.

    str(err) is ONE line that names the file, e.g. "raw/x.txt: empty file", so a
    batch import can print it as it is and carry on with the other inputs.
    """

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(path, reason)  # keeps the error picklable (multiprocessing)
        self.path = path
        self.reason = reason

    def __str__(self) -> str:
        return _one_line(f"{self.path}: {self.reason}")


def _one_line(message: str) -> str:
    """Escape line breaks, controls and stray surrogates (odd file names) so the
    message stays on one line and can always be printed."""
    return "".join(
        ch.encode("unicode_escape").decode("ascii")
        if unicodedata.category(ch) in ("Cc", "Cs", "Zl", "Zp")
        else ch
        for ch in message
    )


def _os_reason(exc: OSError) -> str:
    """The operating system's short explanation, without errno noise."""
    return exc.strerror or str(exc)


# --------------------------------------------------------------------------- result


@dataclass
class RawText:
    """A raw input decoded to clean text, with what was guessed along the way."""

    path: Path
    text: str  # decoded; newlines are '\n'; no BOM; HTML character references decoded
    encoding: str  # a Python codec name that decodes the raw bytes, e.g. 'cp1251'
    sha256: str  # of the raw bytes, to recognise the same input later
    warnings: list[str] = field(default_factory=list)  # one line each


def read_raw_text(path: Path) -> RawText:
    """Read, decode and clean one raw input; raise InputError if it is unusable."""
    data = _read_bytes(path)
    text, encoding, warnings = decode_text(data, path)
    text, entity_warnings = decode_entities(text)
    # '&#13;' decodes to '\r', so newlines are normalised once more.
    text = _normalise_newlines(text)
    text, xml_warnings = make_xml_safe(text)
    if not text.strip():
        raise InputError(path, "file holds only white space")
    return RawText(
        path=path,
        text=text,
        encoding=encoding,
        sha256=hashlib.sha256(data).hexdigest(),
        warnings=warnings + entity_warnings + xml_warnings,
    )


def _read_bytes(path: Path) -> bytes:
    """The file's bytes; every operating-system failure becomes an InputError."""
    try:
        mode = path.stat().st_mode
    except (FileNotFoundError, NotADirectoryError):
        raise InputError(path, "no such file") from None
    except OSError as exc:
        raise InputError(path, f"cannot read: {_os_reason(exc)}") from None
    if stat.S_ISDIR(mode):
        raise InputError(path, "is a folder")
    if not stat.S_ISREG(mode):  # a FIFO would block, /dev/zero never ends
        raise InputError(path, "is not a regular file")
    try:
        return path.read_bytes()
    except (FileNotFoundError, NotADirectoryError):
        raise InputError(path, "no such file") from None
    except OSError as exc:
        raise InputError(path, f"cannot read: {_os_reason(exc)}") from None


# --------------------------------------------------------------------------- decoding

UNKNOWN_ENCODING = "cannot tell the text encoding (not UTF-8, UTF-16, cp1251 or cp1252)"
_MAX_CONTROL_SHARE = 0.10


def decode_text(data: bytes, path: Path) -> tuple[str, str, list[str]]:
    """Decode raw bytes to text: (text, encoding, warnings); raise InputError.

    Order: binary signatures, byte-order mark, UTF-16/32 by their NUL pattern,
    strict UTF-8, then the more plausible of cp1251 and cp1252.
    """
    if not data:
        raise InputError(path, "empty file")
    kind = _binary_kind(data)
    if kind:
        raise InputError(path, f"binary file ({kind}), not text")
    text, encoding, warnings = _decode(data, path)
    if _control_share(text) > _MAX_CONTROL_SHARE:
        raise InputError(path, "binary file, not text")
    if not text:
        raise InputError(path, "file holds only a byte-order mark")
    text = _normalise_newlines(text.removeprefix("\ufeff"))  # a doubled BOM too
    if not text.strip():
        raise InputError(path, "file holds only white space")
    return text, encoding, warnings


def _decode(data: bytes, path: Path) -> tuple[str, str, list[str]]:
    """Pick the encoding; the caller does the checks every decoding needs."""
    bom_codec = _bom_codec(data)
    if bom_codec:
        return _decode_with_bom(data, bom_codec, path), bom_codec, []
    if b"\x00" in data:
        codec = _codec_from_nul_pattern(data)
        if codec is None:
            raise InputError(path, "binary file, not text")
        label = codec.upper().replace("-", " ").replace("UTF ", "UTF-")
        return data.decode(codec), codec, [f"decoded as {label} without a byte-order mark"]
    if _control_share(data.decode("latin-1")) > _MAX_CONTROL_SHARE:
        raise InputError(path, "binary file, not text")
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError as exc:
        if _looks_like_broken_utf8(data):
            line = data.count(b"\n", 0, exc.start) + 1
            raise InputError(
                path, f"{UNKNOWN_ENCODING}: mostly UTF-8, but not on line {line}"
            ) from None
    return _decode_legacy(data, path)


def _normalise_newlines(text: str) -> str:
    """Windows (\\r\\n) and old Mac (\\r) line ends become '\\n'."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


# C0 controls other than \t \n \f \r, and DEL: text has few, binary data many.
_BINARY_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# What XML 1.0 cannot hold. A form feed is a page break in converted text: a line break.
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _control_share(text: str) -> float:
    """Share of control characters: above 10% the data is not text."""
    return len(_BINARY_CONTROL.findall(text)) / len(text) if text else 0.0


def make_xml_safe(text: str) -> tuple[str, list[str]]:
    """Characters XML cannot hold become white space (a form feed a line break), with a warning."""
    first = _XML_ILLEGAL.search(text)
    if first is None:
        return text, []
    line = text.count("\n", 0, first.start()) + 1
    count = len(_XML_ILLEGAL.findall(text))
    text = _XML_ILLEGAL.sub(lambda m: "\n" if m.group() == "\f" else " ", text)
    return text, [
        f"replaced {count} control character(s) that XML cannot hold by white space "
        f"(first U+{ord(first.group()):04X} on line {line})"
    ]


# --------------------------------------------------------------------------- binary signatures

# (offset, signature, description): the formats most often saved under a .txt name.
_SIGNATURES: tuple[tuple[int, bytes, str], ...] = (
    (0, b"%PDF-", "PDF document"),
    (0, b"\x89PNG\r\n\x1a\n", "PNG image"),
    (0, b"\xff\xd8\xff", "JPEG image"),
    (0, b"GIF87a", "GIF image"),
    (0, b"GIF89a", "GIF image"),
    (0, b"II*\x00", "TIFF image"),
    (0, b"MM\x00*", "TIFF image"),
    (0, b"AT&TFORM", "DjVu document"),
    (0, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "old Microsoft Office document"),
    (0, b"\x1f\x8b", "GZIP archive"),
    (0, b"\xfd7zXZ\x00", "XZ archive"),
    (0, b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (0, b"Rar!\x1a\x07", "RAR archive"),
    (0, b"\x28\xb5\x2f\xfd", "Zstandard archive"),
    (257, b"ustar", "TAR archive"),
    (0, b"\x7fELF", "ELF executable"),
    (0, b"SQLite format 3\x00", "SQLite database"),
    (0, b"OggS\x00", "Ogg audio/video"),
    (0, b"\x1a\x45\xdf\xa3", "Matroska/WebM video"),
    (0, b"wOFF", "WOFF font"),
    (0, b"wOF2", "WOFF2 font"),
)
_ZIP_SIGNATURES = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
_RIFF_KINDS = {b"WEBP": "WebP image", b"WAVE": "WAV audio", b"AVI ": "AVI video"}


def _binary_kind(data: bytes) -> str | None:
    """Name the binary format if the data starts with a known signature."""
    for offset, signature, description in _SIGNATURES:
        if data.startswith(signature, offset):
            return description
    if data.startswith(_ZIP_SIGNATURES):
        return _zip_kind(data)
    if data.startswith(b"RIFF") and len(data) >= 12:
        return _RIFF_KINDS.get(data[8:12], "RIFF media file")
    if data[4:8] == b"ftyp" and data[:2] == b"\x00\x00":
        return "MP4/QuickTime media"
    if data.startswith(b"ID3") and data[3:4] in (b"\x02", b"\x03", b"\x04"):
        return "MP3 audio"
    if re.match(rb"BZh[1-9]1AY&SY", data):
        return "BZIP2 archive"
    if data.startswith(b"MZ") and b"\x00" in data[2:64]:  # plain 'MZ...' text has no NUL
        return "Windows executable"
    return None


def _zip_kind(data: bytes) -> str:
    """Office documents and e-books are ZIP files: say which, it helps the user."""
    if data[30:38] == b"mimetype":
        mimetype = data[38:100]
        if mimetype.startswith(b"application/epub+zip"):
            return "EPUB e-book"
        if mimetype.startswith(b"application/vnd.oasis.opendocument"):
            return "OpenDocument file"
    if b"word/document.xml" in data:
        return "Word document (DOCX)"
    if b"xl/workbook.xml" in data:
        return "Excel workbook (XLSX)"
    if b"ppt/presentation.xml" in data:
        return "PowerPoint presentation (PPTX)"
    return "ZIP archive"


# --------------------------------------------------------------------------- Unicode encodings

# UTF-32 first: its little-endian BOM starts with the UTF-16 one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _bom_codec(data: bytes) -> str | None:
    """The codec named by a byte-order mark; these codecs also drop the BOM."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec
    return None


def _decode_with_bom(data: bytes, codec: str, path: Path) -> str:
    """A BOM is a promise: if the bytes break it, say so rather than guess."""
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        name = "UTF-8" if codec == "utf-8-sig" else codec.upper()
        raise InputError(
            path, f"starts with a {name} byte-order mark but is not valid {name} (byte {exc.start})"
        ) from None


# (codec, unit width, byte lanes that are mostly NUL, lane that is almost never NUL).
# ASCII in UTF-16 LE is 'A\0'; in UTF-32 LE 'A\0\0\0'.
_NUL_PATTERNS: tuple[tuple[str, int, tuple[int, ...], int], ...] = (
    ("utf-32-le", 4, (2, 3), 0),
    ("utf-32-be", 4, (0, 1), 3),
    ("utf-16-le", 2, (1,), 0),
    ("utf-16-be", 2, (0,), 1),
)
_MIN_NUL_LANE_SHARE = 0.25  # ASCII-heavy text: spaces, digits and punctuation at least
_MAX_NUL_TEXT_LANE_SHARE = 0.01


def _codec_from_nul_pattern(data: bytes) -> str | None:
    """UTF-16/32 without a BOM, told apart from binary by where its NULs fall."""
    for codec, width, nul_lanes, text_lane in _NUL_PATTERNS:
        units = len(data) // width
        if len(data) % width or units == 0:
            continue
        if any(data[lane::width].count(0) / units < _MIN_NUL_LANE_SHARE for lane in nul_lanes):
            continue
        if data[text_lane::width].count(0) / units > _MAX_NUL_TEXT_LANE_SHARE:
            continue
        try:
            data.decode(codec)
        except UnicodeDecodeError:
            continue
        return codec
    return None


_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]"
    rb"|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}|\xed[\x80-\x9f][\x80-\xbf]"
    rb"|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
_HIGH_BYTES = bytes(range(0x80, 0x100))


def _looks_like_broken_utf8(data: bytes) -> bool:
    """Most non-ASCII bytes form valid UTF-8 sequences, yet the whole is not UTF-8:
    a mixture of encodings or a damaged UTF-8 file, which no single decoding
    reads correctly. cp1251/cp1252 text (and GBK) forms such sequences only
    by accident, far less often."""
    sequences = _UTF8_SEQUENCE.findall(data)
    high = len(data) - len(data.translate(None, _HIGH_BYTES))
    return len(sequences) >= 3 and sum(len(s) for s in sequences) > 0.5 * high


# --------------------------------------------------------------------------- legacy encodings

_LEGACY_ENCODINGS = ("cp1252", "cp1251")  # on a tie the first wins
_MIN_PLAUSIBILITY = 0.8  # genuine text scores ~1.0; mixtures and other code pages less
_WORD = re.compile(r"[^\W\d_]{2,}")  # a run of letters; single letters prove nothing


@dataclass
class _Reading:
    """One legacy decoding and how plausible its words look."""

    encoding: str
    text: str
    words: int  # words with non-ASCII letters: only these tell the decodings apart
    odd: int  # how many of them look wrong
    odd_kinds: frozenset[str]  # the distinct wrong-looking words

    @property
    def score(self) -> float:
        return 1.0 - self.odd / self.words if self.words else 1.0


def _decode_legacy(data: bytes, path: Path) -> tuple[str, str, list[str]]:
    """Choose between cp1251 and cp1252 by the plausibility of the letters each
    produces; refuse when neither reads like text."""
    readings = [r for r in (_read_as(data, enc) for enc in _LEGACY_ENCODINGS) if r]
    if not readings:
        raise InputError(path, UNKNOWN_ENCODING)
    best = max(readings, key=lambda r: r.score)  # max keeps the first on a tie
    if best.score < _MIN_PLAUSIBILITY:
        raise InputError(path, f"{UNKNOWN_ENCODING}: {_odd_words_note(best)}")
    warnings = [f"decoded as {best.encoding} (not UTF-8)"]
    for other in readings:
        if other is not best and other.score == best.score and other.text != best.text:
            warnings.append(f"no words tell {best.encoding} from {other.encoding}; assumed {best.encoding}")
    if best.odd:
        warnings.append(_odd_words_note(best))
    return best.text, best.encoding, warnings


def _odd_words_note(reading: _Reading) -> str:
    """Point at the evidence, so a user can look at the file and decide."""
    first = next(m for m in _WORD.finditer(reading.text) if m.group() in reading.odd_kinds)
    line = reading.text.count("\n", 0, first.start()) + 1
    word = first.group() if len(first.group()) <= 30 else first.group()[:29] + "…"
    return (
        f"{reading.odd} of {reading.words} words look wrong in {reading.encoding} "
        f"(first '{word}' on line {line})"
    )


def _read_as(data: bytes, encoding: str) -> _Reading | None:
    """Decode strictly (undefined bytes rule an encoding out) and judge the words."""
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    script = "CYRILLIC" if encoding == "cp1251" else "LATIN"
    words = [w for w in _WORD.findall(text) if not w.isascii()]
    if script == "CYRILLIC" and not _russian_letter_mix(text):
        odd_kinds = frozenset(words)  # e.g. KOI8-R read as cp1251: right script, wrong letters
    else:  # judged once per distinct word: real text repeats its words a lot
        odd_kinds = frozenset(w for w in set(words) if not _plausible_word(w, script))
    odd = sum(1 for w in words if w in odd_kinds)
    return _Reading(encoding, text, len(words), odd, odd_kinds)


def _plausible_word(word: str, script: str) -> bool:
    """A real word is in one script with a normal case pattern; in Latin script it
    also has ASCII letters around its accents ('été', 'Größe'), whereas Russian
    read as cp1252 gives runs of accented letters only ('Ïðèâåò', 'íå')."""
    scripts = {_script(ch) for ch in word if not ch.isascii()}
    if scripts != {script} or not _normal_case(word):
        return False
    ascii_letters = [ch for ch in word if ch.isascii()]
    if script == "CYRILLIC":  # 'йtй' is French read as cp1251; 'пpивет' is OCR
        return all(ch in _LOOKALIKES for ch in ascii_letters) and len(ascii_letters) * 2 < len(word)
    return bool(ascii_letters) and not _has_accented_run(word, 3)


# Latin letters that OCR puts into Russian words for their Cyrillic twins.
_LOOKALIKES = frozenset("aceopxyABCEHKMOPTX")


def _normal_case(word: str) -> bool:
    """lower, UPPER or Title: what words look like, unlike 'GrцЯe'."""
    return word.islower() or word.isupper() or (word[0].isupper() and word[1:].islower())


def _has_accented_run(word: str, length: int) -> bool:
    """Three non-ASCII letters in a row are rare in Western European words."""
    run = 0
    for ch in word:
        run = run + 1 if not ch.isascii() else 0
        if run >= length:
            return True
    return False


@functools.lru_cache(maxsize=1024)
def _script(ch: str) -> str:
    """'LATIN', 'CYRILLIC' or 'OTHER', from the Unicode character name."""
    name = unicodedata.name(ch, "")
    for script in ("LATIN", "CYRILLIC"):
        if name.startswith(script):
            return script
    return "OTHER"


_COMMON_CYRILLIC = frozenset("оеаинтсрвл")  # the ten most frequent Russian letters
_MIN_COMMON_SHARE = 0.4  # Russian ~0.67, Ukrainian ~0.59, Belarusian ~0.52; KOI8-R ~0.32
_MIN_LETTERS_TO_JUDGE = 50


def _russian_letter_mix(text: str) -> bool:
    """Do the Cyrillic letters have the frequencies of East Slavic text?
    Too few letters to judge count as yes."""
    counts = Counter(text.lower())
    letters = sum(n for ch, n in counts.items() if _script(ch) == "CYRILLIC" and ch.isalpha())
    if letters < _MIN_LETTERS_TO_JUDGE:
        return True
    common = sum(counts[ch] for ch in _COMMON_CYRILLIC)
    return common / letters >= _MIN_COMMON_SHARE


# --------------------------------------------------------------------------- HTML references

# Candidates end with ';'; anything else (a bare '&', '&amp' alone) is plain text.
_REFERENCE = re.compile(r"&(#[0-9A-Za-z]*|[A-Za-z][A-Za-z0-9]*);")
_NUMERIC = re.compile(r"#(?:[xX]([0-9A-Fa-f]{1,8})|([0-9]{1,10}))")


def decode_entities(text: str) -> tuple[str, list[str]]:
    """Decode well-formed HTML character references left in scraped text:
    (text, warnings). Unknown or broken ones stay exactly as written, with one
    warning per distinct reference naming its line numbers."""
    if "&" not in text:
        return text, []
    line_starts = [m.end() for m in re.finditer("\n", text)]
    kept: dict[str, list[int]] = {}

    def replace(match: re.Match[str]) -> str:
        body = match.group(1)
        char = _numeric_reference(body) if body.startswith("#") else _named_reference(body)
        if char is None:
            line = bisect.bisect_right(line_starts, match.start()) + 1
            lines = kept.setdefault(match.group(), [])
            if not lines or lines[-1] != line:  # matches come in text order
                lines.append(line)
            return match.group()
        return char

    decoded = _REFERENCE.sub(replace, text)
    return decoded, [_kept_reference_warning(ref, lines) for ref, lines in kept.items()]


def _named_reference(name: str) -> str | None:
    return html.entities.html5.get(name + ";")


def _numeric_reference(body: str) -> str | None:
    """The character, or None for malformed numbers and code points no text holds."""
    match = _NUMERIC.fullmatch(body)
    if not match:
        return None
    hex_digits, decimal = match.groups()
    code = int(hex_digits, 16) if hex_digits else int(decimal)
    if 0x80 <= code <= 0x9F:  # as browsers do: the cp1252 character ('&#151;' is '—')
        try:
            return bytes([code]).decode("cp1252")
        except UnicodeDecodeError:
            return None
    if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF or code == 0x7F:
        return None
    char = chr(code)
    return None if _XML_ILLEGAL.match(char) else char  # '&#0;', '&#1;': not text


def _kept_reference_warning(reference: str, lines: list[int]) -> str:
    kind = "invalid character reference" if reference.startswith("&#") else "unknown HTML entity"
    return f"kept {kind} '{reference}' as written ({_describe_lines(lines)})"


def _describe_lines(lines: list[int], shown: int = 5) -> str:
    if len(lines) == 1:
        return f"line {lines[0]}"
    listed = ", ".join(str(n) for n in lines[:shown])
    more = f" and {len(lines) - shown} more" if len(lines) > shown else ""
    return f"lines {listed}{more}"


# --------------------------------------------------------------------------- command-line paths


def find_text_files(paths: Iterable[Path]) -> tuple[list[Path], list[InputError]]:
    """Expand command-line arguments into files to import, and errors to report.

    A file is taken as it is, whatever its extension (the user named it); a
    folder contributes its *.txt files recursively, sorted. Order is as given,
    without duplicates, so a batch is reproducible.
    """
    files: list[Path] = []
    errors: list[InputError] = []
    seen: set[str] = set()
    for path in paths:
        found, problems = _expand(path)
        errors.extend(problems)
        for file in found:
            key = os.path.realpath(file)
            if key not in seen:
                seen.add(key)
                files.append(file)
    return files, errors


def _expand(path: Path) -> tuple[list[Path], list[InputError]]:
    """One argument: its files, and the errors met finding them."""
    if path.is_dir():
        found, problems = _text_files_under(path)
        if not found and not problems:
            problems.append(InputError(path, "folder holds no .txt files"))
        return found, problems
    if path.exists() or path.is_symlink():  # a broken link is reported when read
        return [path], []
    return [], [InputError(path, "no such file or folder")]


def _text_files_under(folder: Path) -> tuple[list[Path], list[InputError]]:
    """*.txt files in any letter case (archives copied from Windows have .TXT),
    sorted; unreadable folders are reported, not silently skipped."""
    problems: list[InputError] = []

    def report(exc: OSError) -> None:
        where = Path(exc.filename) if exc.filename else folder
        problems.append(InputError(where, f"cannot read: {_os_reason(exc)}"))

    found = [
        Path(dirpath, name)
        for dirpath, _dirnames, filenames in os.walk(folder, onerror=report)
        for name in filenames
        if name.lower().endswith(".txt") and Path(dirpath, name).is_file()
    ]
    return sorted(found), problems
