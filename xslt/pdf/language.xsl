<?xml version="1.0" encoding="UTF-8"?>
<!--
  xml:lang -> Typst's text(lang:, region:), which chooses hyphenation patterns and quote
  marks. Typst accepts ISO 639 codes (two or three letters) and two-letter regions; any
  other value (a private-use tag, a typo) leaves the surrounding language in force.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="https://teikit.dev/ns"
    exclude-result-prefixes="#all">

  <!-- The language part of an xml:lang value, or () when Typst cannot use it. -->
  <xsl:function name="tk:typst-lang" as="xs:string?">
    <xsl:param name="tag" as="xs:string?"/>
    <xsl:variable name="primary" select="lower-case(tokenize(string($tag), '[-_]')[1])"/>
    <xsl:sequence select="$primary[matches(., '^[a-z]{2,3}$')]"/>
  </xsl:function>

  <xsl:function name="tk:typst-region" as="xs:string?">
    <xsl:param name="tag" as="xs:string?"/>
    <xsl:sequence select="(tokenize(string($tag), '[-_]')[position() gt 1][matches(., '^[A-Za-z]{2}$')])[1] ! upper-case(.)"/>
  </xsl:function>

  <!-- `lang: "de", region: "AT"` (or `lang: "de"`) for a document or element. -->
  <xsl:function name="tk:lang-arguments" as="xs:string?">
    <xsl:param name="tag" as="xs:string?"/>
    <xsl:variable name="lang" select="tk:typst-lang($tag)"/>
    <xsl:variable name="region" select="tk:typst-region($tag)"/>
    <xsl:if test="exists($lang)">
      <xsl:sequence select="'lang: ' || tk:typst-string($lang)
          || (if (exists($region)) then ', region: ' || tk:typst-string($region) else '')"/>
    </xsl:if>
  </xsl:function>

  <!-- An element in another language than its parent: its rendering, in that language. -->
  <xsl:template match="tei:text//*[@xml:lang][tk:typst-lang(@xml:lang)]
                       [not(tk:typst-lang(@xml:lang) = tk:typst-lang(ancestor::*[@xml:lang][1]/@xml:lang))]"
                priority="20">
    <xsl:text>#tk-lang(</xsl:text>
    <xsl:value-of select="tk:lang-arguments(@xml:lang)"/>
    <xsl:text>)[</xsl:text>
    <xsl:next-match/>
    <xsl:text>]</xsl:text>
  </xsl:template>

</xsl:stylesheet>
