<?xml version="1.0" encoding="UTF-8"?>
<!--
  Critical apparatus (app/lem/rdg): the lemma stays in the text; the readings, each with
  its witnesses, go to a footnote ("lemma] reading Wit1; reading Wit2"). Without a lemma
  the first reading stands in the text.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="https://teikit.dev/ns"
    exclude-result-prefixes="#all">

  <xsl:template match="tei:app">
    <xsl:variable name="lemma" select="(tei:lem, .//tei:rdg)[1]"/>
    <xsl:variable name="readings" select=".//tei:rdg except $lemma"/>
    <xsl:text>#tk-app[</xsl:text>
    <xsl:apply-templates select="$lemma/node()"/>
    <xsl:text>][</xsl:text>
    <xsl:value-of select="tk:typst-escape(normalize-space($lemma) || ']' || (if ($lemma/@wit) then ' ' || tk:witnesses($lemma) else '') || ' ')"/>
    <xsl:for-each select="$readings">
      <xsl:if test="position() gt 1"><xsl:value-of select="tk:typst-escape('; ')"/></xsl:if>
      <xsl:text>#tk-reading(</xsl:text>
      <xsl:value-of select="tk:witnesses(.)[.] ! ('wit: [' || tk:typst-escape(.) || ']')"/>
      <xsl:text>)[</xsl:text>
      <xsl:apply-templates/>
      <xsl:if test="not(normalize-space(.))"><xsl:text>#tk-italic[om.]</xsl:text></xsl:if>
      <xsl:text>]</xsl:text>
    </xsl:for-each>
    <xsl:apply-templates select="tei:note"/>
    <xsl:text>]</xsl:text>
  </xsl:template>

  <!-- "#A #B" -> "A B" -->
  <xsl:function name="tk:witnesses" as="xs:string">
    <xsl:param name="reading" as="element()"/>
    <xsl:sequence select="string-join(tokenize(normalize-space($reading/@wit), ' ') ! replace(., '^#', ''), ' ')"/>
  </xsl:function>

</xsl:stylesheet>
