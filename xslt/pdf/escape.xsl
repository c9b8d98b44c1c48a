<?xml version="1.0" encoding="UTF-8"?>
<!--
  The ONE place where text becomes Typst source. Every character of TEI text that reaches
  a PDF passes through tk:typst-escape (markup), tk:typst-string (a string literal) or
  tk:typst-comment (the rest of a `//` comment line); no other module writes text into
  Typst unescaped.

  Typst markup gives meaning to ASCII punctuation (# $ * _ ` < > @ = - + / \ [ ] { } ~ " '
  and the line-start markers "- ", "+ ", "= ", "1. ", "/ ", comments "//" and "/*", URLs
  "https://", the shorthands "...", "- -", "-?"), and an embedded call swallows a following
  "." or "(" as field access or arguments. A backslash before any character makes it
  literal, so every ASCII punctuation or symbol character is escaped: nothing in the text
  can then open markup, close a content block or extend the call before it. Runs of white
  space (including U+0085, U+2028, U+2029, which Typst treats as line breaks) become one
  space, so text can never start a line or a paragraph. Letters, digits and all
  non-ASCII characters have no meaning in markup and pass unchanged.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tk="https://teikit.dev/ns"
    exclude-result-prefixes="#all">

  <!-- Text as Typst markup (inside [...] or at the top level). -->
  <xsl:function name="tk:typst-escape" as="xs:string">
    <xsl:param name="text" as="xs:string?"/>
    <xsl:sequence select="replace(tk:one-line($text), '[!-/:-@\[-`{-~]', '\\$0')"/>
  </xsl:function>

  <!-- Text as a Typst string literal, quotes included (keys, sort keys, URLs). -->
  <xsl:function name="tk:typst-string" as="xs:string">
    <xsl:param name="text" as="xs:string?"/>
    <xsl:sequence select="concat('&quot;', replace(tk:one-line($text), '[\\&quot;]', '\\$0'), '&quot;')"/>
  </xsl:function>

  <!-- Text on a `//` comment line (the lines teikit's writer reads back: the title for the
       PDF's metadata). A line comment ends at any line break Typst knows (LF, CR, U+0085,
       U+2028, U+2029; VT and FF cannot occur in XML 1.0), so all of them become spaces and
       the text cannot leave the comment; it is not escaped, since it is never markup. -->
  <xsl:function name="tk:typst-comment" as="xs:string">
    <xsl:param name="text" as="xs:string?"/>
    <xsl:sequence select="normalize-space(tk:one-line($text))"/>
  </xsl:function>

  <xsl:function name="tk:one-line" as="xs:string">
    <xsl:param name="text" as="xs:string?"/>
    <xsl:sequence select="replace(string($text), '[\s&#x85;&#x2028;&#x2029;]+', ' ')"/>
  </xsl:function>

</xsl:stylesheet>
