<?xml version="1.0" encoding="UTF-8"?>
<!--
  Plain text, the document's header: its title (underlined with "=" in the paragraphs
  layout), then one line each for author, recipient, date, place, source and archival
  reference, those the teiHeader has (via xslt/common/header.xsl: correspDesc first).

  Parameter header: "yes" (default) or "none" (the text only).
  Template tk:header-blocks returns the header as <tk:b> blocks (see blocks.xsl);
  override it, or tk:header-fields, to print other fields.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="https://teikit.dev/ns"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <xsl:param name="header" as="xs:string" select="'yes'"/>

  <!-- (label, value) pairs, every value a string ("" when the header has none: left out). -->
  <xsl:template name="tk:header-fields" as="xs:string*">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="date" select="tk:date($tei)"/>
    <xsl:sequence select="
        'Author', string(tk:author($tei)),
        'Recipient', string(tk:recipient($tei)),
        'Date', string-join((tk:readable-date($date), tk:iso-date($date)[. ne tk:readable-date($date)] ! ('(' || . || ')')), ' '),
        'Place', string(tk:place($tei)),
        'Source', string(tk:sources($tei)[1]) => normalize-space(),
        'Archive', string(tk:archival-reference($tei))" />
  </xsl:template>

  <xsl:template name="tk:header-blocks" as="element()*">
    <xsl:param name="tei" as="element()"/>
    <xsl:if test="$header ne 'none'">
      <xsl:variable name="title" select="tk:title($tei)"/>
      <tk:b kind="title" join="title" indent="0">{$title}</tk:b>
      <xsl:if test="$layout ne 'lines'">
        <xsl:variable name="length" select="if ($tk:width gt 0) then min((string-length($title), $tk:width)) else string-length($title)"/>
        <tk:b kind="rule" join="title" indent="0">{string-join((1 to $length) ! '=', '')}</tk:b>
      </xsl:if>
      <xsl:variable name="fields" as="xs:string*">
        <xsl:call-template name="tk:header-fields">
          <xsl:with-param name="tei" select="$tei"/>
        </xsl:call-template>
      </xsl:variable>
      <xsl:for-each select="1 to count($fields) idiv 2">
        <xsl:variable name="label" select="$fields[2 * current() - 1]"/>
        <xsl:variable name="value" select="$fields[2 * current()]"/>
        <xsl:if test="normalize-space($value)">
          <tk:b kind="field" join="header" indent="0" prefix="{$label}: ">{normalize-space($value)}</tk:b>
        </xsl:if>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
