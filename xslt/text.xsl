<?xml version="1.0" encoding="UTF-8"?>
<!--
  teikit plain text writer: a TEI document as a UTF-8 reading text.

    Title
    =====
    Author: ...            (header.xsl; header=none leaves it out)
    ...

    Paragraphs, separated by empty lines, with [1] note markers. (blocks.xsl, inline.xsl)

    Notes
    [1] The note's text.   (notes.xsl; notes=none leaves markers and notes out)

  Parameters (all strings; on the command line: teikit render FILES, to text, param name=value):
    notes   endnotes | none        width   N (wrap at N columns; 0: no wrapping)
    layout  paragraphs | lines     header  yes | none
    pages   none | mark (page breaks as [p. N])
    registers  (set by teikit; see common/registers.xsl)

  To change the output, import this stylesheet from your own and override templates
  (teikit render ... with the option stylesheet: see the README), e.g.
    <xsl:import href="path/to/teikit/xslt/text.xsl"/>
    <xsl:template match="tei:persName" mode="tk:inline">{upper-case(.)}</xsl:template>
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="https://teikit.dev/ns"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <xsl:import href="common/all.xsl"/>
  <xsl:import href="text/inline.xsl"/>
  <xsl:import href="text/notes.xsl"/>
  <xsl:import href="text/blocks.xsl"/>
  <xsl:import href="text/layout.xsl"/>
  <xsl:import href="text/header.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:mode on-no-match="shallow-skip"/>

  <xsl:template match="/">
    <xsl:if test="not(tei:TEI | tei:teiCorpus)">
      <xsl:message terminate="yes" error-code="tk:not-tei">not a TEI document: the root element is {name(*)}{
        if (namespace-uri(*)) then ' in ' || namespace-uri(*) else ' in no namespace'} (expected TEI in http://www.tei-c.org/ns/1.0)</xsl:message>
    </xsl:if>
    <xsl:apply-templates select="tei:TEI | tei:teiCorpus"/>
  </xsl:template>

  <xsl:template match="tei:TEI">
    <xsl:variable name="blocks" as="element()*">
      <xsl:call-template name="tk:header-blocks">
        <xsl:with-param name="tei" select="."/>
      </xsl:call-template>
      <xsl:apply-templates select="tei:text" mode="tk:block"/>
      <xsl:call-template name="tk:endnotes">
        <xsl:with-param name="tei" select="."/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:value-of select="tk:lay-out($blocks) || '&#10;'"/>
  </xsl:template>

  <!-- A teiCorpus: each TEI in turn, separated by a line of dashes. -->
  <xsl:template match="tei:teiCorpus">
    <xsl:for-each select="tei:TEI | tei:teiCorpus">
      <xsl:if test="position() gt 1">{'&#10;' || string-join((1 to 40) ! '-', '') || '&#10;&#10;'}</xsl:if>
      <xsl:apply-templates select="."/>
    </xsl:for-each>
  </xsl:template>

</xsl:stylesheet>
