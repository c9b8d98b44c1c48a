<?xml version="1.0" encoding="UTF-8"?>
<!--
  Editorial interventions, shown by the conventions readers of critical editions know:
  supplied text in [square brackets]; of a choice the corrected, expanded or regularised
  form, the original on hover; unclear text marked and flagged "?"; gaps as […];
  deletions struck through; additions between ⸢half brackets⸣; page breaks as markers in
  the margin; critical apparatus with the lemma in the text and the readings in a note.
  Every mark carries a title saying what it means, for the reader who does not know them.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:h="https://teikit.dev/ns/html"
    xmlns:tk="https://teikit.dev/ns"
    exclude-result-prefixes="#all">

  <xsl:function name="h:phrase" as="xs:string">
    <xsl:param name="parts" as="xs:string*"/>
    <xsl:sequence select="string-join($parts[normalize-space()], ', ')"/>
  </xsl:function>

  <xsl:template match="tei:supplied">
    <span title="{h:phrase(('supplied by the editor', @reason ! replace(., '[-_]', ' ')))}">
      <xsl:call-template name="h:attributes"/>
      <span class="bracket" aria-hidden="true">[</span>
      <xsl:apply-templates/>
      <span class="bracket" aria-hidden="true">]</span>
    </span>
  </xsl:template>

  <!-- ==== choice: the edited form in the text, the original on hover ==== -->

  <xsl:template match="tei:choice">
    <xsl:variable name="edited" select="h:choice-edited(.)"/>
    <xsl:variable name="original" select="(tei:sic, tei:abbr, tei:orig, * except $edited)[1]"/>
    <xsl:variable name="kind" select="if (tei:corr) then 'corrected from' else if (tei:expan) then 'abbreviated in the source as'
        else if (tei:reg) then 'regularised from' else 'alternative'"/>
    <span title="{$kind}: {normalize-space(string-join($original//text()[not(ancestor::tei:note)], ''))}">
      <xsl:call-template name="h:attributes"/>
      <xsl:apply-templates select="$edited"/>
    </span>
  </xsl:template>

  <xsl:template match="tei:choice/tei:corr | tei:choice/tei:expan | tei:choice/tei:reg">
    <xsl:apply-templates/>
  </xsl:template>

  <!-- Outside a choice: a correction in brackets, an error flagged [sic]. -->
  <xsl:template match="tei:corr">
    <span class="corr" title="corrected by the editor"><xsl:call-template name="h:attributes"/><span class="bracket" aria-hidden="true">⟨</span><xsl:apply-templates/><span class="bracket" aria-hidden="true">⟩</span></span>
  </xsl:template>

  <xsl:template match="tei:sic">
    <span title="thus in the source"><xsl:call-template name="h:attributes"/><xsl:apply-templates/></span>
    <xsl:if test="not(parent::tei:choice)"><span class="sic-flag"> [sic]</span></xsl:if>
  </xsl:template>

  <!-- Letters an expansion adds: in italics, as editions print them. -->
  <xsl:template match="tei:ex">
    <i class="ex" title="expanded by the editor"><xsl:apply-templates/></i>
  </xsl:template>

  <xsl:template match="tei:am">
    <span class="am"><xsl:apply-templates/></span>
  </xsl:template>

  <!-- ==== doubtful and missing text ==== -->

  <xsl:template match="tei:unclear">
    <span title="{h:phrase(('unclear reading', @reason ! replace(., '[-_]', ' '), @cert ! ('certainty: ' || .)))}">
      <xsl:call-template name="h:attributes"/>
      <xsl:apply-templates/>
      <span class="unclear-flag" aria-hidden="true">?</span>
    </span>
  </xsl:template>

  <xsl:template match="tei:gap">
    <xsl:variable name="extent" select="if (@quantity) then @quantity || ' ' || (@unit, 'characters')[1] else @extent"/>
    <span title="{h:phrase(('gap in the text', $extent, @reason ! replace(., '[-_]', ' '), @agent ! ('cause: ' || .)))}">
      <xsl:call-template name="h:attributes"/>
      <xsl:text>[…]</xsl:text>
    </span>
  </xsl:template>

  <xsl:template match="tei:damage">
    <span title="{h:phrase(('damaged in the source', @agent))}"><xsl:call-template name="h:attributes"/><xsl:apply-templates/></span>
  </xsl:template>

  <!-- ==== deletions and additions ==== -->

  <xsl:template match="tei:del">
    <xsl:choose>
      <xsl:when test="h:has-block(.)"><xsl:call-template name="h:wrap"/></xsl:when>
      <xsl:otherwise>
        <del title="{h:phrase(('deleted', @rend ! ('by ' || .)))}"><xsl:call-template name="h:attributes"/><xsl:apply-templates/></del>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:add">
    <xsl:choose>
      <xsl:when test="h:has-block(.)"><xsl:call-template name="h:wrap"/></xsl:when>
      <xsl:otherwise>
        <ins title="{h:phrase(('added', @place ! replace(., '[-_]', ' '), @hand ! ('hand: ' || replace(., '^#', ''))))}">
          <xsl:call-template name="h:attributes"><xsl:with-param name="class" select="@place ! ('place-' || replace(., '\W', '-'))"/></xsl:call-template>
          <span class="bracket" aria-hidden="true">⸢</span><xsl:apply-templates/><span class="bracket" aria-hidden="true">⸣</span>
        </ins>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:subst | tei:restore | tei:handShift">
    <xsl:call-template name="h:wrap"/>
  </xsl:template>

  <!-- ==== page breaks: a bar in the text, the page number in the margin ==== -->

  <xsl:template match="tei:pb">
    <span class="pb" role="note">
      <xsl:if test="@xml:id"><xsl:attribute name="id" select="@xml:id"/></xsl:if>
      <xsl:attribute name="aria-label" select="if (@n) then 'page ' || @n else 'page break'"/>
      <span class="pb-bar" aria-hidden="true">|</span>
      <span class="pb-n" aria-hidden="true"><xsl:value-of select="if (@n) then @n else '¶'"/></span>
    </span>
  </xsl:template>

  <xsl:template match="tei:cb | tei:milestone">
    <span class="{local-name()}" title="{h:phrase((local-name(), @unit, @n))}" aria-hidden="true">¦</span>
  </xsl:template>

  <!-- ==== critical apparatus: the lemma (or the first reading) in the text, a lettered marker to the readings ==== -->

  <xsl:template match="tei:app">
    <xsl:variable name="base" select="(tei:lem, tei:rdg)[1]"/>
    <xsl:variable name="n" select="h:app-number(.)"/>
    <span>
      <xsl:call-template name="h:attributes"/>
      <xsl:apply-templates select="$base/node()"/>
    </span>
    <a class="appref" href="#tk-app-{$n}" id="tk-appref-{$n}" title="{h:app-summary(.)}"><sup><xsl:value-of select="h:app-label($n)"/></sup></a>
  </xsl:template>

  <xsl:function name="h:app-number" as="xs:integer">
    <xsl:param name="app" as="element()"/>
    <xsl:sequence select="count($app/preceding::tei:app[ancestor::tei:text]) + count($app/ancestor::tei:app) + 1"/>
  </xsl:function>

  <!-- a, b, ... z, aa, ab ...: apparatus markers are letters, footnotes numbers. -->
  <xsl:function name="h:app-label" as="xs:string">
    <xsl:param name="n" as="xs:integer"/>
    <xsl:number value="$n" format="a"/>
  </xsl:function>

  <xsl:function name="h:witnesses" as="xs:string">
    <xsl:param name="reading" as="element()"/>
    <xsl:sequence select="string-join(tokenize($reading/@wit) ! replace(., '^#', ''), ' ')"/>
  </xsl:function>

  <xsl:function name="h:app-summary" as="xs:string">
    <xsl:param name="app" as="element()"/>
    <xsl:sequence select="string-join(($app/tei:lem, $app/tei:rdg) ! (normalize-space(string-join(.//text()[not(ancestor::tei:note)], '')) || (if (@wit) then ' ' || h:witnesses(.) else '')), ' | ')"/>
  </xsl:function>

  <!-- The apparatus at the foot of the page: lemma] reading witness; reading witness. -->
  <xsl:template name="h:apparatus">
    <xsl:param name="apps" as="element()*"/>
    <xsl:if test="$apps">
      <section class="apparatus" aria-labelledby="tk-apparatus-heading">
        <h2 id="tk-apparatus-heading">Apparatus</h2>
        <ol class="apparatus-entries">
          <xsl:for-each select="$apps">
            <xsl:variable name="n" select="h:app-number(.)"/>
            <li id="tk-app-{$n}" value="{$n}">
              <span class="app-label"><xsl:value-of select="h:app-label($n)"/></span>
              <xsl:text> </xsl:text>
              <xsl:for-each select="tei:lem">
                <span class="lem"><xsl:apply-templates mode="h:reading"/></span>
                <xsl:if test="@wit"><xsl:text> </xsl:text><span class="wit"><xsl:value-of select="h:witnesses(.)"/></span></xsl:if>
                <xsl:text>] </xsl:text>
              </xsl:for-each>
              <xsl:for-each select="tei:rdg[not(. is current()/(tei:lem, tei:rdg)[1])] | tei:rdgGrp/tei:rdg">
                <span class="rdg">
                  <xsl:apply-templates mode="h:reading"/>
                  <xsl:if test="not(normalize-space())"><i>om.</i></xsl:if>
                </span>
                <xsl:if test="@wit"><xsl:text> </xsl:text><span class="wit"><xsl:value-of select="h:witnesses(.)"/></span></xsl:if>
                <xsl:if test="position() ne last()">; </xsl:if>
              </xsl:for-each>
              <xsl:text> </xsl:text>
              <a class="backref" href="#tk-appref-{$n}" aria-label="Back to the text">↩</a>
            </li>
          </xsl:for-each>
        </ol>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- Readings in the apparatus: their text, without ids (the text has them) or nested markers. -->
  <xsl:template match="tei:*" mode="h:reading">
    <xsl:apply-templates mode="h:reading"/>
  </xsl:template>

  <xsl:template match="tei:note" mode="h:reading"/>
  <xsl:template match="tei:app" mode="h:reading">
    <xsl:apply-templates select="(tei:lem, tei:rdg)[1]/node()" mode="h:reading"/>
  </xsl:template>
  <xsl:template match="tei:lb" mode="h:reading"><xsl:text> </xsl:text></xsl:template>
  <xsl:template match="tei:gap" mode="h:reading"><xsl:text>[…]</xsl:text></xsl:template>
</xsl:stylesheet>
