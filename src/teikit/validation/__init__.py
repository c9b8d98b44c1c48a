"""Validation of TEI documents: RELAX NG, Schematron (an engine of our own on Saxon), reports."""
