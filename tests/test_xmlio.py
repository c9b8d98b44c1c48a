"""The one XML parser: nothing but the file itself is ever read, and Saxon never sees a DOCTYPE."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from teikit import saxon
from teikit.cli import main
from teikit.xmlio import XMLInputError, parse_xml

TEI = '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>T</title></titleStmt><publicationStmt><p>x</p></publicationStmt><sourceDesc><p>y</p></sourceDesc></fileDesc></teiHeader><text><body><p>{body}</p></body></text></TEI>'


def hostile_edition(tmp_path):
    """A document whose external DTD would define &secret; as the contents of a local file."""
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-CONTENT", encoding="utf-8")
    dtd = tmp_path / "ext.dtd"
    dtd.write_text(f'<!ENTITY secret SYSTEM "{secret.as_uri()}">', encoding="utf-8")
    edition = tmp_path / "edition"
    edition.mkdir()
    (edition / "doc.xml").write_text(f'<!DOCTYPE TEI SYSTEM "{dtd.as_uri()}">\n' + TEI.format(body="&secret;"), encoding="utf-8")
    return edition


def test_an_entity_only_a_dtd_could_define_is_refused_with_its_line():
    with pytest.raises(XMLInputError) as caught:
        parse_xml(b'<!DOCTYPE TEI SYSTEM "tei.dtd">\n<TEI>\n<p>&nbsp;</p></TEI>', name="doc.xml")
    assert str(caught.value).startswith("doc.xml:3: uses the entity '&nbsp;'")


def test_a_doctype_naming_a_missing_dtd_does_not_stop_reading_or_transforming():
    tree = parse_xml(b'<!DOCTYPE TEI SYSTEM "no-such.dtd">' + TEI.format(body="fine").encode())
    assert saxon.to_xdm(tree).string_value.endswith("fine")


@pytest.mark.parametrize("fmt", ["text", "html"])
def test_rendering_never_expands_an_external_dtds_entities(tmp_path, fmt):
    edition = hostile_edition(tmp_path)
    result = CliRunner().invoke(main, ["render", str(edition), "--to", fmt, "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "uses the entity '&secret;'" in result.output
    assert not any("SECRET-CONTENT" in p.read_text(encoding="utf-8", errors="replace") for p in (tmp_path / "out").rglob("*") if p.is_file())
