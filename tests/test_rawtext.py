"""Reading raw scraped text: every bad input gives one clear line, never a traceback."""

from __future__ import annotations

import codecs
import gzip
import hashlib
import io
import os
import pickle
import zipfile
from pathlib import Path

import pytest

from teikit.rawtext import (
    InputError,
    RawText,
    decode_entities,
    decode_text,
    find_text_files,
    read_raw_text,
)

RUSSIAN = (
    "Протокол заседания комиссии от 12 марта 1921 года. Присутствовали: председатель Иванов, "
    "члены комиссии Петров и Сидорова. Слушали: о распределении продовольствия между уездами "
    "губернии. Постановили: поручить уездным комитетам составить списки нуждающихся семей "
    "и представить их не позднее первого апреля."
)
FRENCH = (
    "Procès-verbal de la séance du 12 mars 1921. Étaient présents : le président, M. Dubois, "
    "et les membres de la commission. La commission décide à l'unanimité de créer un bureau "
    "spécial. « Voilà », dit-il, « c'est réglé ». Noël, naïve, où, garçon."
)
GERMAN = (
    "Die Größe der Schäden übertraf alle Erwartungen; für die Gemeinde war es ein schwerer "
    "Schlag. Man beschloß, die Straße bis zum Frühjahr zu schließen. Äußerst große Mühe."
)
UNKNOWN = "cannot tell the text encoding (not UTF-8, UTF-16, cp1251 or cp1252)"


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def refusal(path: Path) -> str:
    """The one-line message read_raw_text gives for a bad input."""
    with pytest.raises(InputError) as caught:
        read_raw_text(path)
    message = str(caught.value)
    assert "\n" not in message and "Traceback" not in message
    assert message.startswith(f"{path}: ")
    return message


# --------------------------------------------------------------------------- InputError


def test_input_error_message_is_path_colon_reason() -> None:
    err = InputError(Path("raw/x.txt"), "empty file")
    assert str(err) == "raw/x.txt: empty file"


def test_input_error_keeps_path_and_reason() -> None:
    err = InputError(Path("raw/x.txt"), "empty file")
    assert (err.path, err.reason) == (Path("raw/x.txt"), "empty file")


def test_input_error_survives_pickling_for_worker_processes() -> None:
    err = pickle.loads(pickle.dumps(InputError(Path("raw/x.txt"), "empty file")))
    assert str(err) == "raw/x.txt: empty file"


def test_input_error_stays_on_one_line_for_a_file_name_with_a_newline() -> None:
    assert str(InputError(Path("odd\nname.txt"), "empty file")) == "odd\\nname.txt: empty file"


# --------------------------------------------------------------------------- reading files


def test_missing_file_is_refused_with_its_name(tmp_path: Path) -> None:
    assert refusal(tmp_path / "gone.txt").endswith(": no such file")


def test_folder_passed_as_a_file_is_refused(tmp_path: Path) -> None:
    assert refusal(tmp_path).endswith(": is a folder")


def test_unreadable_file_reports_the_os_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "locked.txt", b"text")

    def deny(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", deny)
    assert refusal(path).endswith(": cannot read: Permission denied")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_is_refused_without_blocking(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    assert refusal(pipe).endswith(": is not a regular file")


def test_empty_file_is_refused_with_its_name(tmp_path: Path) -> None:
    path = write(tmp_path, "empty.txt", b"")
    assert refusal(path) == f"{path}: empty file"


def test_white_space_only_file_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "blank.txt", b" \r\n\t\n  \n")
    assert refusal(path).endswith(": file holds only white space")


def test_white_space_only_utf16_file_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "blank16.txt", " \n \n".encode("utf-16"))
    assert refusal(path).endswith(": file holds only white space")


def test_file_of_only_a_byte_order_mark_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "bom.txt", codecs.BOM_UTF8)
    assert refusal(path).endswith(": file holds only a byte-order mark")


def test_file_of_only_non_breaking_space_entities_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "nbsp.txt", b"&nbsp;&nbsp;\n")
    assert refusal(path).endswith(": file holds only white space")


def test_result_carries_path_text_encoding_hash_and_warnings(tmp_path: Path) -> None:
    data = "Hello, world.\n".encode("utf-8")
    path = write(tmp_path, "hello.txt", data)
    assert read_raw_text(path) == RawText(
        path=path,
        text="Hello, world.\n",
        encoding="utf-8",
        sha256=hashlib.sha256(data).hexdigest(),
        warnings=[],
    )


def test_hash_is_of_the_raw_bytes_not_the_decoded_text(tmp_path: Path) -> None:
    data = "Привет\r\n".encode("utf-16")
    raw = read_raw_text(write(tmp_path, "x.txt", data))
    assert raw.sha256 == hashlib.sha256(data).hexdigest()


def test_read_raw_text_decodes_html_entities(tmp_path: Path) -> None:
    raw = read_raw_text(write(tmp_path, "e.txt", b"Marx &amp; Engels &mdash; 1848"))
    assert raw.text == "Marx & Engels \u2014 1848"


def test_read_raw_text_reports_unknown_entities(tmp_path: Path) -> None:
    raw = read_raw_text(write(tmp_path, "e.txt", b"one\ntwo &Swhatthe; three"))
    assert raw.warnings == ["kept unknown HTML entity '&Swhatthe;' as written (line 2)"]


def test_carriage_return_entities_become_newlines(tmp_path: Path) -> None:
    raw = read_raw_text(write(tmp_path, "e.txt", b"a&#13;&#10;b&#13;c"))
    assert raw.text == "a\nb\nc"


# --------------------------------------------------------------------------- binary files


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF document"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "JPEG image"),
        (b"GIF89a\x01\x00\x01\x00", "GIF image"),
        (gzip.compress(b"hello"), "GZIP archive"),
        (b"\x7fELF\x02\x01\x01\x00", "ELF executable"),
        (_zip({"a.txt": b"hello"}), "ZIP archive"),
        (_zip({"[Content_Types].xml": b"<x/>", "word/document.xml": b"<w/>"}), "Word document (DOCX)"),
        (_zip({"mimetype": b"application/epub+zip", "META-INF/container.xml": b"<c/>"}), "EPUB e-book"),
    ],
)
def test_known_binary_format_is_refused_by_name(tmp_path: Path, data: bytes, kind: str) -> None:
    path = write(tmp_path, "scan.txt", data)
    assert refusal(path) == f"{path}: binary file ({kind}), not text"


def test_nul_bytes_outside_a_utf16_pattern_mean_binary(tmp_path: Path) -> None:
    path = write(tmp_path, "data.txt", b"abc\x00\x00\x00\x01\x02xyz\x00def")
    assert refusal(path).endswith(": binary file, not text")


def test_many_control_characters_mean_binary(tmp_path: Path) -> None:
    path = write(tmp_path, "ctl.txt", b"ab\x01\x02\x03\x04cd\x05\x06\x07\x08ef" * 10)
    assert refusal(path).endswith(": binary file, not text")


def test_a_few_control_characters_become_spaces_with_a_warning(tmp_path: Path) -> None:
    raw = read_raw_text(write(tmp_path, "x.txt", b"line one\nline two\x1a\n"))
    assert raw.text == "line one\nline two \n"
    assert raw.warnings == ["replaced 1 control character(s) that XML cannot hold by white space (first U+001A on line 2)"]


def test_form_feeds_become_line_breaks(tmp_path: Path) -> None:
    raw = read_raw_text(write(tmp_path, "x.txt", b"page one\n\x0cpage two\n"))
    assert raw.text == "page one\n\npage two\n"
    assert raw.warnings[0].startswith("replaced 1 control character(s) that XML cannot hold")


def test_text_that_merely_starts_with_mz_is_not_an_executable(tmp_path: Path) -> None:
    raw = read_raw_text(write(tmp_path, "x.txt", b"MZ-1 regiment report\n"))
    assert raw.text == "MZ-1 regiment report\n"


# --------------------------------------------------------------------------- Unicode encodings


def test_plain_utf8_is_read_without_warnings(tmp_path: Path) -> None:
    raw = read_raw_text(write(tmp_path, "x.txt", RUSSIAN.encode("utf-8")))
    assert (raw.text, raw.encoding, raw.warnings) == (RUSSIAN, "utf-8", [])


def test_utf8_byte_order_mark_is_removed(tmp_path: Path) -> None:
    raw = read_raw_text(write(tmp_path, "x.txt", codecs.BOM_UTF8 + FRENCH.encode("utf-8")))
    assert (raw.text, raw.encoding) == (FRENCH, "utf-8-sig")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_byte_order_mark_is_read(tmp_path: Path, codec: str) -> None:
    bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
    raw = read_raw_text(write(tmp_path, "x.txt", bom + RUSSIAN.encode(codec)))
    assert (raw.text, raw.encoding, raw.warnings) == (RUSSIAN, "utf-16", [])


@pytest.mark.parametrize("codec", ["utf-32-le", "utf-32-be"])
def test_utf32_with_byte_order_mark_is_read(tmp_path: Path, codec: str) -> None:
    bom = codecs.BOM_UTF32_LE if codec.endswith("le") else codecs.BOM_UTF32_BE
    raw = read_raw_text(write(tmp_path, "x.txt", bom + GERMAN.encode(codec)))
    assert (raw.text, raw.encoding) == (GERMAN, "utf-32")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_byte_order_mark_is_recognised_by_its_nuls(tmp_path: Path, codec: str) -> None:
    raw = read_raw_text(write(tmp_path, "x.txt", FRENCH.encode(codec)))
    assert (raw.text, raw.encoding) == (FRENCH, codec)
    assert raw.warnings == [f"decoded as UTF-16 {codec[-2:].upper()} without a byte-order mark"]


def test_utf32_without_byte_order_mark_is_recognised_by_its_nuls(tmp_path: Path) -> None:
    raw = read_raw_text(write(tmp_path, "x.txt", FRENCH.encode("utf-32-le")))
    assert (raw.text, raw.encoding) == (FRENCH, "utf-32-le")


def test_broken_utf16_after_its_byte_order_mark_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "x.txt", codecs.BOM_UTF16_LE + "ab".encode("utf-16-le") + b"\x00\xd8")
    assert "starts with a UTF-16 byte-order mark but is not valid UTF-16" in refusal(path)


def test_windows_and_old_mac_line_ends_become_newlines(tmp_path: Path) -> None:
    raw = read_raw_text(write(tmp_path, "x.txt", b"one\r\ntwo\rthree\n"))
    assert raw.text == "one\ntwo\nthree\n"


# --------------------------------------------------------------------------- legacy encodings


def test_russian_in_cp1251_is_decoded_with_a_warning(tmp_path: Path) -> None:
    raw = read_raw_text(write(tmp_path, "x.txt", RUSSIAN.encode("cp1251")))
    assert (raw.text, raw.encoding) == (RUSSIAN, "cp1251")
    assert raw.warnings == ["decoded as cp1251 (not UTF-8)"]


def test_a_single_russian_word_in_cp1251_is_decoded(tmp_path: Path) -> None:
    raw = read_raw_text(write(tmp_path, "x.txt", "Привет".encode("cp1251")))
    assert (raw.text, raw.encoding) == ("Привет", "cp1251")


def test_runs_of_accented_letters_rule_out_cp1252_even_beside_an_ascii_letter(tmp_path: Path) -> None:
    word = "Cпасибо"  # Latin C from OCR; as cp1252 it would read 'Cïàñèáî'
    raw = read_raw_text(write(tmp_path, "x.txt", word.encode("cp1251")))
    assert (raw.text, raw.encoding) == (word, "cp1251")


def test_french_in_latin1_is_decoded_as_cp1252(tmp_path: Path) -> None:
    raw = read_raw_text(write(tmp_path, "x.txt", FRENCH.encode("latin-1")))
    assert (raw.text, raw.encoding) == (FRENCH, "cp1252")
    assert raw.warnings == ["decoded as cp1252 (not UTF-8)"]


def test_german_in_cp1252_is_decoded(tmp_path: Path) -> None:
    raw = read_raw_text(write(tmp_path, "x.txt", GERMAN.encode("cp1252")))
    assert (raw.text, raw.encoding) == (GERMAN, "cp1252")


def test_windows_punctuation_without_letters_is_assumed_cp1252(tmp_path: Path) -> None:
    text = "He said \u201cno\u201d \u2014 and left\u2026"
    raw = read_raw_text(write(tmp_path, "x.txt", text.encode("cp1252")))
    assert (raw.text, raw.encoding) == (text, "cp1252")


def test_koi8r_russian_is_refused_rather_than_misread(tmp_path: Path) -> None:
    path = write(tmp_path, "x.txt", RUSSIAN.encode("koi8-r"))
    assert refusal(path).startswith(f"{path}: {UNKNOWN}")


def test_koi8r_russian_without_capitals_is_refused_by_its_letter_frequencies(tmp_path: Path) -> None:
    path = write(tmp_path, "x.txt", RUSSIAN.lower().encode("koi8-r"))  # all UPPER in cp1251
    assert refusal(path).startswith(f"{path}: {UNKNOWN}")


def test_ocr_latin_look_alikes_in_russian_words_still_read_as_cp1251(tmp_path: Path) -> None:
    ocr = RUSSIAN.replace("о", "o").replace("с", "c")  # Latin o and c, as OCR often does
    raw = read_raw_text(write(tmp_path, "x.txt", ocr.encode("cp1251")))
    assert (raw.text, raw.encoding) == (ocr, "cp1251")


def test_utf8_mixed_with_cp1251_is_refused_naming_the_line(tmp_path: Path) -> None:
    data = RUSSIAN.encode("utf-8") + b"\n" + RUSSIAN.encode("utf-8") + b"\n" + "Привет".encode("cp1251")
    path = write(tmp_path, "x.txt", data)
    assert refusal(path) == f"{path}: {UNKNOWN}: mostly UTF-8, but not on line 3"


def test_cut_off_utf8_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "x.txt", RUSSIAN.encode("utf-8")[:-3] + "ый".encode("utf-8")[:-1])
    assert "mostly UTF-8, but not on line 1" in refusal(path)


def test_cp1251_mixed_with_cp1252_is_refused_pointing_at_a_wrong_word(tmp_path: Path) -> None:
    data = RUSSIAN.encode("cp1251") + b"\n" + FRENCH.encode("cp1252")
    message = refusal(write(tmp_path, "x.txt", data))
    assert UNKNOWN in message and "words look wrong in cp1251" in message and "on line 2" in message


def test_shift_jis_is_refused(tmp_path: Path) -> None:
    data = ("日本語のテキストです。これは試験です。東京都の公文書館の資料。" * 3).encode("shift_jis")
    assert UNKNOWN in refusal(write(tmp_path, "x.txt", data))


def test_greek_cp1253_is_refused(tmp_path: Path) -> None:
    data = "Η επιτροπή συνεδρίασε στις 12 Μαρτίου 1921 και αποφάσισε ομόφωνα.".encode("cp1253")
    assert UNKNOWN in refusal(write(tmp_path, "x.txt", data))


def test_bytes_undefined_in_both_code_pages_are_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "x.txt", b"abc \x98 and \x81 def")  # 0x98: not cp1251; 0x81: not cp1252
    assert refusal(path) == f"{path}: {UNKNOWN}"


def test_decode_text_returns_text_encoding_and_warnings() -> None:
    assert decode_text("Größe".encode("utf-8"), Path("x.txt")) == ("Größe", "utf-8", [])


def test_decode_text_refuses_empty_bytes_naming_the_path() -> None:
    with pytest.raises(InputError, match=r"^raw/x\.txt: empty file$"):
        decode_text(b"", Path("raw/x.txt"))


# --------------------------------------------------------------------------- HTML references


def test_decimal_and_hexadecimal_references_are_decoded() -> None:
    assert decode_entities("a&#8212;b&#x2014;c&#X2014;d") == ("a\u2014b\u2014c\u2014d", [])


def test_named_html5_entities_are_decoded() -> None:
    assert decode_entities("&amp; &nbsp; &mdash; &laquo;&raquo; &AMP;") == ("& \xa0 \u2014 «» &", [])


def test_unknown_entity_stays_as_written_with_its_line() -> None:
    text, warnings = decode_entities("one\ntwo\nx &Swhatthe; y")
    assert text == "one\ntwo\nx &Swhatthe; y"
    assert warnings == ["kept unknown HTML entity '&Swhatthe;' as written (line 3)"]


def test_malformed_numeric_reference_stays_as_written() -> None:
    assert decode_entities("&#xZZ;") == (
        "&#xZZ;",
        ["kept invalid character reference '&#xZZ;' as written (line 1)"],
    )


def test_out_of_range_numeric_reference_stays_as_written() -> None:
    text, warnings = decode_entities("big &#99999999; end")
    assert (text, warnings) == (
        "big &#99999999; end",
        ["kept invalid character reference '&#99999999;' as written (line 1)"],
    )


@pytest.mark.parametrize("reference", ["&#0;", "&#1;", "&#xD800;", "&#xFFFF;", "&#129;", "&#;"])
def test_references_to_characters_xml_cannot_hold_stay_as_written(reference: str) -> None:
    text, warnings = decode_entities(reference)
    assert text == reference and len(warnings) == 1


def test_references_in_the_c1_range_mean_windows_1252_as_in_browsers() -> None:
    assert decode_entities("1917&#150;1921 &#151; &#147;x&#148;") == ("1917–1921 — “x”", [])


def test_bare_ampersand_and_entity_without_semicolon_stay_silently() -> None:
    assert decode_entities("AT&T, R & D, Marx &amp Engels") == ("AT&T, R & D, Marx &amp Engels", [])


def test_double_escaped_entity_is_decoded_once() -> None:
    assert decode_entities("&amp;mdash;") == ("&mdash;", [])


def test_repeated_unknown_entity_gives_one_warning_listing_its_lines() -> None:
    _, warnings = decode_entities("&foo;\n\n&foo; &foo;\n&bar;")
    assert warnings == [
        "kept unknown HTML entity '&foo;' as written (lines 1, 3)",
        "kept unknown HTML entity '&bar;' as written (line 4)",
    ]


# --------------------------------------------------------------------------- command-line paths


def test_a_file_is_taken_whatever_its_extension(tmp_path: Path) -> None:
    path = write(tmp_path, "page.html", b"x")
    assert find_text_files([path]) == ([path], [])


def test_a_folder_gives_its_txt_files_recursively_sorted(tmp_path: Path) -> None:
    for name in ["b.txt", "a.txt", "sub/c.txt", "sub/deeper/d.TXT", "notes.md"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"x")
    files, errors = find_text_files([tmp_path])
    assert [f.relative_to(tmp_path).as_posix() for f in files] == [
        "a.txt",
        "b.txt",
        "sub/c.txt",
        "sub/deeper/d.TXT",
    ]
    assert errors == []


def test_a_missing_path_gives_an_error_and_the_rest_go_on(tmp_path: Path) -> None:
    present = write(tmp_path, "here.txt", b"x")
    files, errors = find_text_files([tmp_path / "gone", present])
    assert files == [present]
    assert [str(e) for e in errors] == [f"{tmp_path / 'gone'}: no such file or folder"]


def test_a_folder_without_txt_files_gives_an_error(tmp_path: Path) -> None:
    write(tmp_path, "only.pdf", b"%PDF-")
    files, errors = find_text_files([tmp_path])
    assert files == [] and [str(e) for e in errors] == [f"{tmp_path}: folder holds no .txt files"]


def test_an_unreadable_subfolder_is_reported_and_the_rest_go_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    present = write(tmp_path, "a.txt", b"x")
    real_walk = os.walk

    def walk_meeting_a_locked_folder(top, onerror=None):  # type: ignore[no-untyped-def]
        onerror(PermissionError(13, "Permission denied", str(tmp_path / "locked")))
        yield from real_walk(top, onerror=onerror)

    monkeypatch.setattr(os, "walk", walk_meeting_a_locked_folder)
    files, errors = find_text_files([tmp_path])
    assert files == [present]
    assert [str(e) for e in errors] == [f"{tmp_path / 'locked'}: cannot read: Permission denied"]


def test_order_is_as_given_without_duplicates(tmp_path: Path) -> None:
    first = write(tmp_path, "z.txt", b"x")
    second = write(tmp_path, "a.txt", b"x")
    files, _ = find_text_files([first, tmp_path, second, first])
    assert files == [first, second]


# --------------------------------------------------------------------------- a batch


def test_a_batch_of_bad_inputs_gives_one_line_per_file_and_reads_the_good_ones(tmp_path: Path) -> None:
    inputs = {
        "empty.txt": b"",
        "blank.txt": b"\n\n",
        "scan.txt": b"%PDF-1.4 ...",
        "noise.txt": bytes(range(256)),
        "koi8.txt": RUSSIAN.encode("koi8-r"),
        "good.txt": RUSSIAN.encode("cp1251"),
    }
    for name, data in inputs.items():
        write(tmp_path, name, data)
    files, errors = find_text_files([tmp_path, tmp_path / "missing.txt"])
    read, messages = [], [str(e) for e in errors]
    for path in files:
        try:
            read.append(read_raw_text(path).path.name)
        except InputError as err:
            messages.append(str(err))
    assert read == ["good.txt"]
    assert len(messages) == 6
    assert all("\n" not in m and m.startswith(str(tmp_path)) for m in messages)
