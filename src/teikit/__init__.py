"""teikit: raw archive text to validated TEI P5 editions."""

__version__ = "0.1.0"
