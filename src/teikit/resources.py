"""Where teikit's stylesheets and schemas are, in a checkout and in an installed package.

`xslt/` and `schema/` live at the top of the repository, where editors look for them;
`src/teikit/xslt` and `src/teikit/schema` are links to them, so a wheel carries copies
inside the package and a `pip install` user has them too.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
XSLT_DIR = PACKAGE_DIR / "xslt"
SCHEMA_DIR = PACKAGE_DIR / "schema"


def stylesheet(name: str) -> Path:
    """An entry stylesheet or module, e.g. `stylesheet("html.xsl")`."""
    return XSLT_DIR / name


def schema_file(name: str) -> Path:
    """A schema shipped with teikit, e.g. `schema_file("teikit.rng")`."""
    return SCHEMA_DIR / name
