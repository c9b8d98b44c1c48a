"""Helpers for the HTML writer's tests: build a site once, read its pages, check its links."""

from __future__ import annotations

import atexit
import re
import shutil
import tempfile
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from conftest import FIXTURES, ROOT, SHARED
from lxml import etree, html

from teikit.writers import RenderReport
from teikit.writers.html import write_html

HTML_FIXTURES = FIXTURES / "html"
EDITION = HTML_FIXTURES / "edition"
REGISTERS = EDITION / "registers"
SAMPLE_TEI = ROOT / "tei"
REAL_TEI = SHARED / "reference" / "real-tei"

_scratch = Path(tempfile.mkdtemp(prefix="teikit-html-tests-"))
atexit.register(shutil.rmtree, _scratch, ignore_errors=True)


@cache
def built(name: str) -> tuple[Path, RenderReport]:
    """A site built once per test session: 'fixture' (the tagged fixture edition with its
    registers), 'sample' (the project's tei/), 'real' (../shared real TEI)."""
    out = _scratch / name
    if name == "fixture":
        documents, registers = sorted(EDITION.glob("*.xml")), REGISTERS
    elif name == "sample":
        documents = sorted(SAMPLE_TEI.glob("*.xml"))
        registers = SAMPLE_TEI / "registers" if (SAMPLE_TEI / "registers").is_dir() else None
    elif name == "real":
        documents, registers = sorted(REAL_TEI.glob("*/*.xml")), None
    else:
        raise ValueError(name)
    return out, write_html(documents, out, {"edition-title": "Test edition"}, registers)


def scratch(name: str) -> Path:
    """A fresh folder for a test that builds its own site."""
    folder = Path(tempfile.mkdtemp(prefix=f"{name}-", dir=_scratch))
    return folder


def page(site: Path, relative: str) -> html.HtmlElement:
    return html.fromstring((site / relative).read_bytes())


def text(element: etree._Element) -> str:
    return " ".join(element.text_content().split())


def xpath_one(tree: etree._Element, expr: str) -> etree._Element:
    found = tree.xpath(expr)
    assert len(found) == 1, f"{expr}: {len(found)} matches"
    return found[0]


def ids(tree: etree._Element) -> set[str]:
    return set(tree.xpath("//@id"))


def internal_targets(tree: etree._Element) -> list[str]:
    """Every address a page loads or links to, except those on other hosts."""
    found = tree.xpath("//a/@href | //link/@href | //script/@src | //img/@src | //form/@action | //iframe/@src")
    return [str(url) for url in found if not urlsplit(str(url)).scheme]


def broken_links(site: Path) -> list[str]:
    """Internal links that lead nowhere: a missing file, or a #fragment with no such id."""
    pages = {path: html.fromstring(path.read_bytes()) for path in sorted(site.rglob("*.html"))}
    page_ids = {path.resolve(): ids(tree) for path, tree in pages.items()}
    broken = []
    for path, tree in pages.items():
        for url in internal_targets(tree):
            parts = urlsplit(url)
            target = (path.parent / unquote(parts.path)).resolve() if parts.path else path.resolve()
            if not target.is_file():
                broken.append(f"{path.relative_to(site)}: {url} (no such file)")
            elif parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in page_ids[target]:
                broken.append(f"{path.relative_to(site)}: {url} (no such id)")
    return broken


def search_index(site: Path) -> dict:
    """The search index script's data."""
    import json

    script = (site / "assets" / "search-index.js").read_text(encoding="utf-8")
    match = re.fullmatch(r"window\.teikitSearchIndex = (.*);\s*", script, re.DOTALL)
    assert match, "search-index.js does not set window.teikitSearchIndex"
    return json.loads(match.group(1))
