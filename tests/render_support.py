"""Helpers for the render tests: run the common XSLT functions, render documents to text."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from teikit.resources import stylesheet
from teikit.saxon import compile_stylesheet_text, to_xdm
from teikit.writers.render import registers_document, stylesheet_params, transform
from teikit.xmlio import parse_xml

from conftest import FIXTURES

RENDER = FIXTURES / "render"
EDITION = RENDER / "edition"
REGISTERS = RENDER / "registers"


@lru_cache(maxsize=None)
def probe(expression: str):
    """A stylesheet importing xslt/common/all.xsl that prints `expression` (compiled once)."""
    common = stylesheet("common/all.xsl").resolve().as_uri()
    text = f"""<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
        xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
        xmlns:tk="https://teikit.dev/ns">
      <xsl:import href="{common}"/>
      <xsl:output method="text"/>
      <xsl:template match="/">
        <xsl:value-of select="string-join(({expression}) ! string(), '|')"/>
      </xsl:template>
    </xsl:stylesheet>"""
    return compile_stylesheet_text(text, stylesheet("common/probe.xsl"))


def evaluate(expression: str, xml: str | bytes | Path, registers: Path | None = None) -> str:
    """The XPath `expression` (may call tk: functions) on a document, items joined by "|"."""
    tree = parse_xml(xml) if isinstance(xml, Path) else parse_xml(xml.encode() if isinstance(xml, str) else xml)
    params = stylesheet_params({}, registers_document(registers))
    return transform(probe(expression), to_xdm(tree, xml if isinstance(xml, Path) else None), params)


def tei(body: str = "<p>x</p>", header: str = "", lang: str = "en") -> str:
    """A small TEI document with `header` inside profileDesc and `body` inside body."""
    return f"""<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="{lang}"><teiHeader><fileDesc>
      <titleStmt><title type="main">A test</title><author>Ann Author</author></titleStmt>
      <publicationStmt><p>test</p></publicationStmt><sourceDesc><bibl>Source book, p. 1.</bibl></sourceDesc>
      </fileDesc><profileDesc>{header}</profileDesc></teiHeader><text><body>{body}</body></text></TEI>"""
