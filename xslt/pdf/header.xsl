<?xml version="1.0" encoding="UTF-8"?>
<!--
  The document header printed above the text: who wrote to whom, when and where, the
  printed source, the archival reference, the translator and the licence, each a
  (label, value) pair for edition.typ's tk-fields. What these are is read by the common
  header module (common/header.xsl); this module only lays them out.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="https://teikit.dev/ns"
    exclude-result-prefixes="#all">

  <!-- The running head: a short title, or the title cut at a word before 60 characters. -->
  <xsl:function name="tk:running-title" as="xs:string">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="short" select="normalize-space($tei/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title[@type = 'short'][1])"/>
    <xsl:variable name="title" select="if ($short) then $short else tk:title($tei)"/>
    <xsl:sequence select="if (string-length($title) le 60) then $title
        else replace(substring($title, 1, 60), '\s+\S*$', '') || '…'"/>
  </xsl:function>

  <!-- "letter" -> "Letter", "diary-entry" -> "Diary entry" -->
  <xsl:function name="tk:document-kind" as="xs:string?">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="tk:doc-type($tei)[matches(., '\w')] ! (upper-case(substring(., 1, 1)) || replace(substring(., 2), '[-_]', ' '))"/>
  </xsl:function>

  <!-- One field: ([Label], [value]); values are nodes (rendered) or strings (escaped). -->
  <xsl:template name="tk:field">
    <xsl:param name="label" as="xs:string"/>
    <xsl:param name="value" as="item()*"/>
    <xsl:if test="normalize-space(string-join($value ! string(.), ''))">
      <xsl:value-of select="'    ([' || tk:typst-escape($label) || '], ['"/>
      <xsl:for-each select="$value">
        <xsl:choose>
          <xsl:when test=". instance of node()"><xsl:apply-templates select="."/></xsl:when>
          <xsl:otherwise><xsl:value-of select="tk:typst-escape(string(.))"/></xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
      <xsl:text>]),&#10;</xsl:text>
    </xsl:if>
  </xsl:template>

  <!-- Names as a list: "A", "A and B", "A, B and C" (as elements, so they are indexed). -->
  <xsl:function name="tk:listed" as="item()*">
    <xsl:param name="items" as="node()*"/>
    <xsl:variable name="n" select="count($items)"/>
    <xsl:sequence select="for $i in 1 to $n return (
        if ($i eq 1) then () else if ($i eq $n) then ' and ' else ', ', $items[$i])"/>
  </xsl:function>

  <xsl:template name="tk:header-fields">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="senders" select="tk:author-names($tei)"/>
    <xsl:variable name="destination" select="tk:destination($tei)"/>
    <xsl:call-template name="tk:field">
      <xsl:with-param name="label" select="if ($tei//tei:correspAction[@type = 'sent']) then 'From' else 'Author'"/>
      <xsl:with-param name="value" select="tk:listed($senders)"/>
    </xsl:call-template>
    <xsl:call-template name="tk:field">
      <xsl:with-param name="label" select="'To'"/>
      <xsl:with-param name="value" select="tk:listed(tk:recipient-names($tei)), $destination ! (' (' || . || ')')"/>
    </xsl:call-template>
    <xsl:call-template name="tk:field">
      <xsl:with-param name="label" select="'Date'"/>
      <xsl:with-param name="value" select="tk:date($tei) ! tk:readable-date(.)"/>
    </xsl:call-template>
    <xsl:call-template name="tk:field">
      <xsl:with-param name="label" select="'Place'"/>
      <xsl:with-param name="value" select="tk:listed(tk:place-names($tei))"/>
    </xsl:call-template>
    <xsl:for-each select="tk:sources($tei)">
      <xsl:call-template name="tk:field">
        <xsl:with-param name="label" select="if (@type = 'first-publication') then 'First published'
            else if (@type = 'web-source') then 'Online' else 'Source'"/>
        <xsl:with-param name="value" select="."/>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:call-template name="tk:field">
      <xsl:with-param name="label" select="'Archive'"/>
      <xsl:with-param name="value" select="tk:archival-reference($tei)"/>
    </xsl:call-template>
    <xsl:call-template name="tk:field">
      <xsl:with-param name="label" select="'Translated by'"/>
      <xsl:with-param name="value" select="tk:name-list(tk:translators($tei))"/>
    </xsl:call-template>
    <xsl:call-template name="tk:field">
      <xsl:with-param name="label" select="'Licence'"/>
      <xsl:with-param name="value" select="tk:licence($tei)"/>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
