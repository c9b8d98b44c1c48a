<?xml version="1.0" encoding="UTF-8"?>
<!--
  Running text: the characters themselves (escaped once, in escape.xsl), highlighting,
  editorial interventions by the usual conventions ([supplied], unclear(?), [gap],
  struck-through deletions, \additions/), corrections and regularisations with the
  original in a footnote, notes as footnotes, page breaks as margin markers.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="https://teikit.dev/ns"
    exclude-result-prefixes="#all">

  <xsl:template match="text()">
    <xsl:value-of select="tk:typst-escape(.)"/>
  </xsl:template>

  <!-- Indentation inside an element, before its first or after its last child, where
       the text outside already has a space or punctuation (<rs>\n <forename>Fany</forename>
       \n</rs>, sass): not a space of the text. Where the next word follows directly
       (</placeName>perpetuis), the indentation is the only space between words: kept. -->
  <xsl:template match="text()[not(normalize-space())][not(following-sibling::node())]
                       [not(following::text()[1]) or matches(following::text()[1], '^[\s,.;:!?)\]»”’]')]" priority="1"/>
  <xsl:template match="text()[not(normalize-space())][not(preceding-sibling::node())][following-sibling::node()]
                       [not(preceding::text()[1]) or matches(preceding::text()[1], '[\s(\[«“‘]$')]" priority="1"/>

  <xsl:template match="comment() | processing-instruction()"/>

  <!-- A function applied to the element's content: #name[...]. -->
  <xsl:template name="tk:wrap">
    <xsl:param name="functions" as="xs:string*"/>
    <xsl:param name="content" as="node()*" select="node()"/>
    <xsl:choose>
      <xsl:when test="empty($functions)">
        <xsl:apply-templates select="$content"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="'#' || $functions[1] || '['"/>
        <xsl:call-template name="tk:wrap">
          <xsl:with-param name="functions" select="tail($functions)"/>
          <xsl:with-param name="content" select="$content"/>
        </xsl:call-template>
        <xsl:text>]</xsl:text>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- hi/@rend: each known token (italic, bold, sup, ...) adds its style. -->
  <xsl:template match="tei:hi">
    <xsl:variable name="tokens" select="tokenize(lower-case(string-join((@rend, @rendition), ' ')), '[\s;:#()]+')"/>
    <xsl:variable name="styles" select="distinct-values(for $t in $tokens return
        if ($t = ('italic', 'italics', 'i', 'it', 'slanted')) then 'tk-italic'
        else if ($t = ('bold', 'b', 'strong')) then 'tk-bold'
        else if ($t = ('sup', 'superscript', 'super')) then 'tk-sup'
        else if ($t = ('sub', 'subscript')) then 'tk-sub'
        else if ($t = ('underline', 'u', 'ul', 'underlined')) then 'tk-underline'
        else if ($t = ('smallcaps', 'sc', 'small-caps', 'caps')) then 'tk-smallcaps'
        else if ($t = ('strikethrough', 'strike', 'overstrike', 'line-through')) then 'tk-strike'
        else ())"/>
    <xsl:call-template name="tk:wrap">
      <xsl:with-param name="functions" select="if (empty($tokens[.]) ) then 'tk-italic' else $styles"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:emph | tei:term[@rend = 'italic'] | tei:mentioned">
    <xsl:call-template name="tk:wrap"><xsl:with-param name="functions" select="'tk-italic'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:foreign">
    <xsl:call-template name="tk:wrap"><xsl:with-param name="functions" select="'tk-foreign'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:title[not(@level = ('a', 'u'))]">
    <xsl:call-template name="tk:wrap"><xsl:with-param name="functions" select="'tk-title'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:q | tei:soCalled | tei:said | tei:quote | tei:title[@level = ('a', 'u')]">
    <xsl:call-template name="tk:wrap"><xsl:with-param name="functions" select="'tk-q'"/></xsl:call-template>
  </xsl:template>

  <!-- Editorial interventions -->
  <xsl:template match="tei:supplied">
    <xsl:call-template name="tk:wrap"><xsl:with-param name="functions" select="'tk-supplied'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:unclear">
    <xsl:call-template name="tk:wrap"><xsl:with-param name="functions" select="'tk-unclear'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:del">
    <xsl:call-template name="tk:wrap"><xsl:with-param name="functions" select="'tk-del'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:add">
    <xsl:call-template name="tk:wrap"><xsl:with-param name="functions" select="'tk-add'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:damage">
    <xsl:call-template name="tk:wrap"><xsl:with-param name="functions" select="'tk-damage'"/></xsl:call-template>
  </xsl:template>

  <!-- A gap: "[…]", with what is missing when the encoder said ("[… 3 words]"). -->
  <xsl:template match="tei:gap | tei:space">
    <xsl:variable name="extent" select="normalize-space(string-join((@quantity, @unit, @extent[not(../@quantity)]), ' '))"/>
    <xsl:text>#tk-gap[</xsl:text>
    <xsl:value-of select="tk:typst-escape(string-join(('…', $extent[.], tei:desc ! normalize-space(.)), ' '))"/>
    <xsl:text>]</xsl:text>
  </xsl:template>

  <xsl:template match="tei:sic[not(parent::tei:choice)]">
    <xsl:apply-templates/>
    <xsl:text> #tk-gap[#tk-italic[sic]]</xsl:text>
  </xsl:template>

  <!-- choice: the corrected, regularised or expanded form in the text; the original of a
       correction or regularisation in a footnote (an abbreviation is simply expanded). -->
  <xsl:template match="tei:choice">
    <xsl:choose>
      <xsl:when test="tei:corr and tei:sic">
        <xsl:text>#tk-corr[</xsl:text>
        <xsl:apply-templates select="tei:corr[1]/node()"/>
        <xsl:text>][</xsl:text>
        <xsl:apply-templates select="tei:sic[1]/node()"/>
        <xsl:text>]</xsl:text>
      </xsl:when>
      <xsl:when test="tei:reg and tei:orig">
        <xsl:text>#tk-reg[</xsl:text>
        <xsl:apply-templates select="tei:reg[1]/node()"/>
        <xsl:text>][</xsl:text>
        <xsl:apply-templates select="tei:orig[1]/node()"/>
        <xsl:text>]</xsl:text>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="(tei:expan, tei:corr, tei:reg, *)[1]"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:ex">
    <xsl:call-template name="tk:wrap"><xsl:with-param name="functions" select="'tk-expansion'"/></xsl:call-template>
  </xsl:template>

  <!-- Notes at a marker: footnotes, numbered per document. -->
  <xsl:template match="tei:note">
    <xsl:call-template name="tk:wrap"><xsl:with-param name="functions" select="'tk-note'"/></xsl:call-template>
  </xsl:template>

  <!-- The printed label of a note ("one", "a") is the source's marker: Typst numbers notes. -->
  <xsl:template match="tei:note/tei:label[not(preceding-sibling::node()[normalize-space()])]">
    <xsl:apply-templates/>
    <xsl:text>. </xsl:text>
  </xsl:template>

  <!-- Page and line breaks of the source -->
  <xsl:template match="tei:pb">
    <xsl:text>#</xsl:text>
    <xsl:value-of select="if (tk:is-block-container(..)) then 'tk-pb-between' else 'tk-pb'"/>
    <xsl:text>(</xsl:text>
    <xsl:value-of select="@n ! ('n: [' || tk:typst-escape(.) || ']')"/>
    <xsl:text>)</xsl:text>
  </xsl:template>

  <xsl:template match="tei:lb">
    <xsl:if test="not(@break = 'no')"><xsl:text> </xsl:text></xsl:if>
  </xsl:template>

  <xsl:template match="tei:cb | tei:milestone | tei:anchor | tei:gb | tei:index | tei:interp | tei:interpGrp
                       | tei:link | tei:linkGrp | tei:join | tei:alt | tei:span | tei:spanGrp | tei:timeline"/>

  <xsl:template match="tei:fw">
    <xsl:choose>
      <xsl:when test="ancestor::tei:fw">
        <xsl:apply-templates/>
        <xsl:text> </xsl:text>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="tk:wrap">
          <xsl:with-param name="functions" select="if (tk:is-block-container(..)) then 'tk-fw-between' else 'tk-fw'"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Links: web addresses stay clickable; internal pointers show their text. -->
  <xsl:template match="tei:ref[matches(@target, '^https?://\S+$')]">
    <xsl:text>#tk-link(</xsl:text>
    <xsl:value-of select="tk:typst-string(@target)"/>
    <xsl:text>)[</xsl:text>
    <xsl:apply-templates/>
    <xsl:text>]</xsl:text>
  </xsl:template>

  <xsl:template match="tei:ptr">
    <xsl:choose>
      <xsl:when test="matches(@target, '^https?://\S+$')">
        <xsl:value-of select="'#tk-link(' || tk:typst-string(@target) || ')[' || tk:typst-escape(@target) || ']'"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="tk:typst-escape(string(@target))"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Names of TEI markup in documentation -->
  <xsl:template match="tei:gi | tei:tag | tei:att | tei:val | tei:code | tei:ident">
    <xsl:variable name="shown" select="if (self::tei:gi) then '&lt;' || . || '&gt;'
        else if (self::tei:att) then '@' || . else string(.)"/>
    <xsl:value-of select="'#raw(' || tk:typst-string(normalize-space($shown)) || ')'"/>
  </xsl:template>

</xsl:stylesheet>
