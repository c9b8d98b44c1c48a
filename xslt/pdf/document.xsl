<?xml version="1.0" encoding="UTF-8"?>
<!--
  One TEI document -> one call of edition.typ's tk-document: language, kind, title,
  running head, header fields, then the text. The first two lines (Typst comments) tell
  teikit's writer the date the edition sorts the document by ("// teikit-pdf sort-key:
  1918-06-02"; empty when undated) and the title for the PDF's metadata. Text reaches
  those comment lines only through tk:typst-comment (escape.xsl), which keeps it on the line.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="https://teikit.dev/ns"
    exclude-result-prefixes="#all">

  <xsl:template match="/">
    <xsl:if test="empty(//tei:TEI)">
      <xsl:message terminate="yes" error-code="tk:not-tei"
          select="'not a TEI document: the root element is ' || name(*[1]) || ', not TEI'"/>
    </xsl:if>
    <xsl:text>// teikit-pdf sort-key: </xsl:text>
    <xsl:variable name="tei" select="(//tei:TEI)[1]"/>
    <!-- Undated in the header (a diary page, say): the first date of the text. -->
    <xsl:variable name="key" select="tk:date-sort-key((tk:date($tei), $tei/tei:text//tei:date[@when or @from or @notBefore])[1])"/>
    <xsl:value-of select="if ($key = '9999') then '' else replace($key, '[^0-9-]', '')"/>
    <xsl:text>&#10;</xsl:text>
    <xsl:text>// teikit-pdf title: </xsl:text>
    <xsl:value-of select="tk:typst-comment(tk:title((//tei:TEI)[1]))"/>
    <xsl:text>&#10;</xsl:text>
    <xsl:apply-templates select="//tei:TEI[not(ancestor::tei:TEI)]" mode="tk:document"/>
  </xsl:template>

  <xsl:template match="tei:TEI" mode="tk:document">
    <xsl:text>#tk-document(&#10;</xsl:text>
    <xsl:value-of select="tk:lang-arguments(tk:lang(.)) ! ('  ' || . || ',&#10;')"/>
    <xsl:value-of select="tk:document-kind(.) ! ('  kind: [' || tk:typst-escape(.) || '],&#10;')"/>
    <xsl:value-of select="'  title: [' || tk:typst-escape(tk:title(.)) || '],&#10;'"/>
    <xsl:value-of select="'  running: [' || tk:typst-escape(tk:running-title(.)) || '],&#10;'"/>
    <xsl:text>  fields: (&#10;</xsl:text>
    <xsl:call-template name="tk:header-fields">
      <xsl:with-param name="tei" select="."/>
    </xsl:call-template>
    <xsl:text>  ),&#10;)[&#10;</xsl:text>
    <xsl:apply-templates select="tei:text"/>
    <xsl:text>&#10;]&#10;</xsl:text>
  </xsl:template>

</xsl:stylesheet>
