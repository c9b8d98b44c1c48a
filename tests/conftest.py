"""Shared fixtures: the reference material in ../shared and the TEI P5 schema."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "raw"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = Path(os.environ.get("TEIKIT_SHARED", ROOT.parent / "shared"))
TEI_ALL = SHARED / "reference" / "tei" / "tei_all.rng"


@pytest.fixture(scope="session")
def tei_all() -> etree.RelaxNG:
    """TEI P5 tei_all.rng, loaded once (about 10 s) for the whole session."""
    if not TEI_ALL.exists():
        pytest.skip(f"TEI P5 schema not found at {TEI_ALL} (set TEIKIT_SHARED to the shared reference folder)")
    return etree.RelaxNG(etree.parse(str(TEI_ALL)))


def assert_valid_tei(schema: etree.RelaxNG, root: etree._Element) -> None:
    if not schema.validate(root):
        errors = "\n".join(f"{e.line}: {e.message}" for e in list(schema.error_log)[:10])
        raise AssertionError(f"not valid against tei_all.rng:\n{errors}")
