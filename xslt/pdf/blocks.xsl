<?xml version="1.0" encoding="UTF-8"?>
<!--
  Block-level TEI: divisions, paragraphs, letter furniture (opener, closer, postscript),
  quotations, drama, verse, lists, tables, figures, editorial notes between paragraphs.
  Each becomes a call of a layout function of edition.typ (tk-p, tk-lg, ...), so the look
  is decided there. Elements not named here fall back to their content (fallback.xsl).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="https://teikit.dev/ns"
    exclude-result-prefixes="#all">

  <!-- Elements that hold blocks, not running text: a note among them stands on its own. -->
  <xsl:function name="tk:is-block-container" as="xs:boolean">
    <xsl:param name="el" as="element()?"/>
    <xsl:sequence select="exists($el[self::tei:body or self::tei:front or self::tei:back or self::tei:group
        or self::tei:div or self::tei:div1 or self::tei:div2 or self::tei:div3 or self::tei:div4
        or self::tei:div5 or self::tei:div6 or self::tei:div7 or self::tei:postscript
        or self::tei:floatingText or self::tei:lg or self::tei:sp or self::tei:spGrp
        or self::tei:text or self::tei:titlePage or self::tei:argument or self::tei:epigraph])"/>
  </xsl:function>

  <!-- One layout call: #name(args)[content of the element]. -->
  <xsl:template name="tk:call">
    <xsl:param name="function" as="xs:string"/>
    <xsl:param name="arguments" as="xs:string?" select="()"/>
    <xsl:param name="content" as="node()*" select="node()"/>
    <xsl:text>#</xsl:text>
    <xsl:value-of select="$function"/>
    <xsl:if test="exists($arguments)">
      <xsl:value-of select="'(' || $arguments || ')'"/>
    </xsl:if>
    <xsl:text>[</xsl:text>
    <xsl:apply-templates select="$content"/>
    <xsl:text>]&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="tei:teiHeader | tei:facsimile | tei:standOff | tei:sourceDoc"/>

  <xsl:template match="tei:div | tei:div1 | tei:div2 | tei:div3 | tei:div4 | tei:div5 | tei:div6 | tei:div7
                       | tei:body | tei:front | tei:back | tei:group | tei:text">
    <xsl:apply-templates/>
  </xsl:template>

  <xsl:template match="tei:head">
    <xsl:variable name="level" select="count(ancestor::*[self::tei:div or matches(local-name(), '^div[1-7]$')]
        [namespace-uri() = 'http://www.tei-c.org/ns/1.0'])"/>
    <xsl:call-template name="tk:call">
      <xsl:with-param name="function" select="'tk-head'"/>
      <xsl:with-param name="arguments" select="'level: ' || max((1, $level))"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Heads of lists, tables, verse groups, figures: a bold line. -->
  <xsl:template match="tei:head[parent::tei:list or parent::tei:table or parent::tei:lg
                       or parent::tei:figure or parent::tei:listBibl or parent::tei:castList]">
    <xsl:text>#tk-p[#tk-bold[</xsl:text>
    <xsl:apply-templates/>
    <xsl:text>]]&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="tei:p | tei:ab | tei:titlePart | tei:docTitle | tei:docAuthor | tei:docImprint
                       | tei:docDate | tei:docEdition | tei:imprimatur">
    <xsl:call-template name="tk:call">
      <xsl:with-param name="function" select="'tk-p'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:titlePage">
    <xsl:call-template name="tk:call">
      <xsl:with-param name="function" select="'tk-trailer'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Letters -->
  <xsl:template match="tei:opener | tei:closer | tei:postscript">
    <xsl:call-template name="tk:call">
      <xsl:with-param name="function" select="'tk-' || local-name()"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:dateline | tei:signed">
    <xsl:call-template name="tk:call">
      <xsl:with-param name="function" select="'tk-' || local-name()"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:salute">
    <xsl:call-template name="tk:call">
      <xsl:with-param name="function" select="if (parent::tei:closer) then 'tk-closer-salute' else 'tk-salute'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:byline | tei:trailer">
    <xsl:call-template name="tk:call">
      <xsl:with-param name="function" select="'tk-' || local-name()"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Quotations set off from the text; inline ones are in inline.xsl. -->
  <xsl:template match="tei:quote[tei:p or tei:lg or tei:sp or tei:l or tei:ab or @rend = ('display', 'block')
                       or tk:is-block-container(..)]
                       | tei:epigraph | tei:argument | tei:floatingText | tei:cit[tk:is-block-container(..)]">
    <xsl:call-template name="tk:call">
      <xsl:with-param name="function" select="'tk-quote'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Drama -->
  <xsl:template match="tei:sp">
    <xsl:call-template name="tk:call">
      <xsl:with-param name="function" select="'tk-sp'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:speaker">
    <xsl:call-template name="tk:call">
      <xsl:with-param name="function" select="'tk-speaker'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:stage">
    <xsl:call-template name="tk:call">
      <xsl:with-param name="function" select="if (tk:is-block-container(..)) then 'tk-stage-block' else 'tk-stage'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Verse -->
  <xsl:template match="tei:lg">
    <xsl:call-template name="tk:call">
      <xsl:with-param name="function" select="'tk-lg'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:l">
    <xsl:call-template name="tk:call">
      <xsl:with-param name="function" select="'tk-l'"/>
      <xsl:with-param name="arguments" select="@n[. castable as xs:integer][xs:integer(.) ge 0] ! ('n: ' || xs:integer(.))"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Lists: items as content arguments; a list with labels becomes a term list. -->
  <xsl:template match="tei:list">
    <xsl:apply-templates select="tei:head"/>
    <xsl:choose>
      <xsl:when test="tei:label">
        <xsl:text>#tk-labelled-list(</xsl:text>
        <xsl:for-each select="tei:item">
          <xsl:text>([</xsl:text>
          <xsl:apply-templates select="preceding-sibling::*[1][self::tei:label]/node()"/>
          <xsl:text>], [</xsl:text>
          <xsl:apply-templates/>
          <xsl:text>]), </xsl:text>
        </xsl:for-each>
        <xsl:text>)&#10;</xsl:text>
      </xsl:when>
      <xsl:otherwise>
        <xsl:text>#tk-list(ordered: </xsl:text>
        <xsl:value-of select="if (matches(@type, 'ordered|numbered|enum') or matches(@rend, 'numbered|ordered'))
            then 'true' else 'false'"/>
        <xsl:for-each select="tei:item">
          <xsl:text>, [</xsl:text>
          <xsl:apply-templates/>
          <xsl:text>]</xsl:text>
        </xsl:for-each>
        <xsl:text>)&#10;</xsl:text>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:apply-templates select="* except (tei:head, tei:item, tei:label)"/>
  </xsl:template>

  <!-- Tables: as many columns as the widest row; cols/rows spans kept. -->
  <xsl:template match="tei:table">
    <xsl:apply-templates select="tei:head"/>
    <xsl:variable name="widths" select="for $r in tei:row return sum(for $c in $r/tei:cell
        return (if ($c/@cols castable as xs:integer) then max((1, xs:integer($c/@cols))) else 1))"/>
    <xsl:text>#tk-table(columns: </xsl:text>
    <xsl:value-of select="max((1, $widths))"/>
    <xsl:for-each select="tei:row/tei:cell">
      <xsl:text>, tk-cell(</xsl:text>
      <xsl:value-of select="string-join((
          @cols[. castable as xs:integer][xs:integer(.) gt 1] ! ('cols: ' || xs:integer(.)),
          @rows[. castable as xs:integer][xs:integer(.) gt 1] ! ('rows: ' || xs:integer(.)),
          if ((@role, ../@role) = 'label') then 'label: true' else ()), ', ')"/>
      <xsl:text>)[</xsl:text>
      <xsl:apply-templates/>
      <xsl:text>]</xsl:text>
    </xsl:for-each>
    <xsl:text>)&#10;</xsl:text>
    <xsl:apply-templates select="* except (tei:head, tei:row)"/>
  </xsl:template>

  <xsl:template match="tei:figure">
    <xsl:call-template name="tk:call">
      <xsl:with-param name="function" select="'tk-figure'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:figDesc">
    <xsl:text> </xsl:text>
    <xsl:apply-templates/>
    <xsl:text> </xsl:text>
  </xsl:template>

  <!-- Images are not part of the PDF: say where one stands. -->
  <xsl:template match="tei:graphic | tei:media">
    <xsl:text>#tk-gap[</xsl:text>
    <xsl:value-of select="tk:typst-escape('illustration' || (@url ! (': ' || .)))"/>
    <xsl:text>]</xsl:text>
  </xsl:template>

  <!-- An editor's note standing between paragraphs (commentary, editorial remarks). -->
  <xsl:template match="tei:note[tk:is-block-container(..)][not(ancestor::tei:div[@type = 'notes'])]">
    <xsl:call-template name="tk:call">
      <xsl:with-param name="function" select="'tk-note-block'"/>
      <xsl:with-param name="arguments" select="@type[not(. = ('footnote', 'endnote'))] ! ('kind: [' || tk:typst-escape(.) || ']')"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Notes whose markers the source lost, kept at the end of the document. -->
  <xsl:template match="tei:div[@type = 'notes']">
    <xsl:call-template name="tk:call">
      <xsl:with-param name="function" select="'tk-endnotes'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:div[@type = 'notes']//tei:note" priority="5">
    <xsl:call-template name="tk:call">
      <xsl:with-param name="function" select="'tk-endnote'"/>
      <xsl:with-param name="arguments" select="@n ! ('n: [' || tk:typst-escape(.) || ']')"/>
    </xsl:call-template>
  </xsl:template>

  <!-- TEI examples in documentation (egXML): the XML shown as code, line by line. -->
  <xsl:template match="*[local-name() = 'egXML']">
    <xsl:variable name="xml" select="string-join(node() ! serialize(.), '')"/>
    <xsl:text>#tk-code[</xsl:text>
    <xsl:for-each select="tokenize(replace($xml, '^\s*\n|\s+$', ''), '\n')">
      <xsl:variable name="indent" select="string-length(.) - string-length(replace(., '^\s+', ''))"/>
      <xsl:if test="position() gt 1"><xsl:text> #linebreak()</xsl:text></xsl:if>
      <xsl:if test="$indent gt 0"><xsl:value-of select="'#h(' || $indent * 0.5 || 'em)'"/></xsl:if>
      <xsl:value-of select="tk:typst-escape(normalize-space(.))"/>
    </xsl:for-each>
    <xsl:text>]&#10;</xsl:text>
  </xsl:template>

</xsl:stylesheet>
