<?xml version="1.0" encoding="UTF-8"?>
<!--
  teikit CMIF writer (Correspondence Metadata Interchange Format, for correspSearch).

  Run in two passes by teikit (teikit.writers.cmif):
    1. on each TEI document: its correspDesc as CMIF, wrapped in <tk:letter>
       (cmif/letter.xsl; nothing for documents that are not correspondence);
    2. on <tk:letters> holding all of them: the CMIF file (cmif/file.xsl).
  The output validates against the CMIF RELAX NG schema and its Schematron.
  Override templates of mode tk:cmif (one correspDesc) or tk:cmif-file (the file) by
  importing this stylesheet from your own.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="https://teikit.dev/ns"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <xsl:import href="common/all.xsl"/>
  <xsl:import href="cmif/letter.xsl"/>
  <xsl:import href="cmif/file.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <xsl:mode on-no-match="shallow-skip"/>

  <xsl:template match="/*" priority="-1">
    <xsl:message terminate="yes" error-code="tk:not-tei">not a TEI document: the root element is {name()}{
      if (namespace-uri()) then ' in ' || namespace-uri() else ' in no namespace'} (expected TEI in http://www.tei-c.org/ns/1.0)</xsl:message>
  </xsl:template>

  <xsl:template match="/tei:TEI">
    <xsl:apply-templates select="." mode="tk:cmif-letter"/>
  </xsl:template>

  <xsl:template match="/tk:letters">
    <xsl:apply-templates select="." mode="tk:cmif-file"/>
  </xsl:template>

</xsl:stylesheet>
