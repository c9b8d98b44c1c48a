<?xml version="1.0" encoding="UTF-8"?>
<!--
  A document's page: a header saying what the document is (author, recipient, date
  readable and ISO, place, source, archival reference, translator, licence, the TEI to
  download), the text, its notes and apparatus, and links to the documents before and
  after it in time.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:teikit:edition"
    xmlns:h="https://teikit.dev/ns/html"
    xmlns:tk="https://teikit.dev/ns"
    exclude-result-prefixes="#all">

  <xsl:template match="document-node(element(tei:TEI))">
    <xsl:apply-templates select="tei:TEI" mode="h:page"/>
  </xsl:template>

  <xsl:template match="tei:TEI" mode="h:page">
    <xsl:call-template name="h:page">
      <xsl:with-param name="title" select="tk:title(.)"/>
      <xsl:with-param name="lang" select="h:lang(.)"/>
      <xsl:with-param name="content">
        <article class="document">
          <xsl:apply-templates select="." mode="h:document-header"/>
          <xsl:apply-templates select="." mode="h:document-body"/>
          <xsl:call-template name="h:footnotes">
            <xsl:with-param name="notes" select="tei:text//tei:note[h:is-footnote(.)][h:is-shown(.)]"/>
          </xsl:call-template>
          <xsl:call-template name="h:apparatus">
            <xsl:with-param name="apps" select="tei:text//tei:app[h:is-shown(.)]"/>
          </xsl:call-template>
        </article>
        <xsl:call-template name="h:pager"/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:TEI" mode="h:document-body">
    <div class="document-text">
      <xsl:apply-templates select="tei:text"/>
    </div>
  </xsl:template>

  <!-- ==== the document's header ==== -->

  <xsl:template match="tei:TEI" mode="h:document-header">
    <xsl:variable name="type" select="h:doc-type(.)"/>
    <header class="document-header" lang="en">
      <xsl:if test="$type">
        <p class="document-type"><xsl:value-of select="upper-case(substring($type, 1, 1)) || substring($type, 2)"/></p>
      </xsl:if>
      <h1 lang="{h:lang(.)}"><xsl:value-of select="tk:title(.)"/></h1>
      <dl class="metadata">
        <xsl:apply-templates select="." mode="h:metadata"/>
      </dl>
    </header>
  </xsl:template>

  <xsl:template name="h:field">
    <xsl:param name="label" as="xs:string"/>
    <xsl:param name="value" as="item()*"/>
    <xsl:param name="class" as="xs:string" select="''"/>
    <xsl:if test="exists($value) and normalize-space(string-join($value ! string(), ''))">
      <div class="field {$class}">
        <dt><xsl:value-of select="$label"/></dt>
        <dd><xsl:sequence select="$value"/></dd>
      </div>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:TEI" mode="h:metadata">
    <xsl:variable name="h" select="tei:teiHeader"/>
    <xsl:variable name="date" select="h:main-date(.)"/>
    <xsl:variable name="place" select="h:place(.)"/>
    <xsl:variable name="authors" select="tk:author-names(.)"/>
    <xsl:call-template name="h:field">
      <xsl:with-param name="label" select="if (h:correspondence(., 'sent')) then 'From' else 'Author'"/>
      <xsl:with-param name="class" select="'author'"/>
      <xsl:with-param name="value"><xsl:sequence select="h:join($authors)"/></xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="h:field">
      <xsl:with-param name="label" select="'To'"/>
      <xsl:with-param name="class" select="'recipient'"/>
      <xsl:with-param name="value">
        <xsl:sequence select="h:join(tk:recipient-names(.))"/>
        <xsl:for-each select="h:correspondence(., 'received')/tei:placeName[1]">
          <xsl:text> (</xsl:text><xsl:apply-templates select="."/><xsl:text>)</xsl:text>
        </xsl:for-each>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:for-each select="$h/tei:profileDesc/tei:correspDesc/tei:correspAction[not(@type = ('sent', 'received'))]">
      <xsl:call-template name="h:field">
        <xsl:with-param name="label" select="upper-case(substring(@type, 1, 1)) || substring(@type, 2)"/>
        <xsl:with-param name="value"><xsl:sequence select="h:join(tei:persName | tei:orgName | tei:name | tei:placeName)"/></xsl:with-param>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:if test="$date">
      <xsl:call-template name="h:field">
        <xsl:with-param name="label" select="'Date'"/>
        <xsl:with-param name="class" select="'date'"/>
        <xsl:with-param name="value">
          <xsl:choose>
            <xsl:when test="h:datetime($date)">
              <time datetime="{h:datetime($date)}"><xsl:value-of select="h:date-text($date)"/></time>
            </xsl:when>
            <xsl:otherwise><xsl:value-of select="h:date-text($date)"/></xsl:otherwise>
          </xsl:choose>
          <xsl:text> </xsl:text>
          <span class="iso-date" title="ISO 8601">(<xsl:value-of select="tk:iso-date($date)"/>)</span>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:if>
    <xsl:call-template name="h:field">
      <xsl:with-param name="label" select="'Place'"/>
      <xsl:with-param name="class" select="'place'"/>
      <xsl:with-param name="value"><xsl:apply-templates select="$place"/></xsl:with-param>
    </xsl:call-template>
    <xsl:for-each select="$h/tei:fileDesc/tei:sourceDesc/(tei:bibl | tei:biblStruct | tei:biblFull | tei:p | tei:listBibl)">
      <xsl:call-template name="h:field">
        <xsl:with-param name="label" select="if (@type = 'first-publication') then 'First published' else if (@type = 'web-source') then 'Online source' else 'Source'"/>
        <xsl:with-param name="class" select="'source'"/>
        <xsl:with-param name="value"><xsl:apply-templates select="." mode="h:source"/></xsl:with-param>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:for-each select="$h/tei:fileDesc/tei:sourceDesc//tei:msDesc">
      <xsl:call-template name="h:field">
        <xsl:with-param name="label" select="'Archival reference'"/>
        <xsl:with-param name="class" select="'archive'"/>
        <xsl:with-param name="value" select="string-join(tei:msIdentifier/(tei:institution, tei:settlement, tei:repository, tei:collection, tei:idno, tei:msName) ! normalize-space()[.], ', ')"/>
      </xsl:call-template>
      <xsl:call-template name="h:field">
        <xsl:with-param name="label" select="'Description'"/>
        <xsl:with-param name="value"><xsl:apply-templates select="tei:physDesc/node()"/></xsl:with-param>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:for-each select="$h/tei:fileDesc/tei:titleStmt/tei:respStmt">
      <xsl:variable name="resp" select="normalize-space(tei:resp[1])"/>
      <xsl:call-template name="h:field">
        <xsl:with-param name="label" select="if (matches($resp, '^transl', 'i')) then 'Translated by'
            else if (matches($resp, 'edit', 'i')) then 'Edited by'
            else replace($resp, '\\', ' and ')"/>
        <xsl:with-param name="class" select="if (matches($resp, '^transl', 'i')) then 'translator' else 'responsibility'"/>
        <xsl:with-param name="value"><xsl:sequence select="h:join(tei:persName | tei:name | tei:orgName)"/></xsl:with-param>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:call-template name="h:field">
      <xsl:with-param name="label" select="'Editors'"/>
      <xsl:with-param name="value"><xsl:sequence select="h:join($h/tei:fileDesc/tei:titleStmt/tei:editor)"/></xsl:with-param>
    </xsl:call-template>
    <xsl:for-each select="$h/tei:fileDesc/tei:publicationStmt/tei:availability">
      <xsl:call-template name="h:field">
        <xsl:with-param name="label" select="'Licence'"/>
        <xsl:with-param name="class" select="'licence'"/>
        <xsl:with-param name="value">
          <xsl:for-each select="tei:licence | tei:p">
            <xsl:choose>
              <xsl:when test="self::tei:licence[matches(@target, '^https?://')]">
                <a href="{@target}" rel="license"><xsl:value-of select="if (normalize-space()) then normalize-space() else @target"/></a>
              </xsl:when>
              <xsl:otherwise><xsl:value-of select="normalize-space()"/></xsl:otherwise>
            </xsl:choose>
            <xsl:if test="position() ne last()"><xsl:text> </xsl:text></xsl:if>
          </xsl:for-each>
          <xsl:if test="@status and not(tei:licence | tei:p)"><xsl:value-of select="@status"/></xsl:if>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:if test="$tei-href">
      <div class="field download">
        <dt>TEI</dt>
        <dd><a href="{$h:root}{$tei-href}" download="" type="application/tei+xml">Download the TEI XML</a></dd>
      </div>
    </xsl:if>
  </xsl:template>

  <!-- Names in a header field, separated by semicolons, each rendered (and linked) as in the text. -->
  <xsl:function name="h:join" as="node()*">
    <xsl:param name="names" as="element()*"/>
    <xsl:for-each select="$names">
      <xsl:apply-templates select="."/>
      <xsl:if test="position() ne last()"><xsl:text>; </xsl:text></xsl:if>
    </xsl:for-each>
  </xsl:function>

  <xsl:template match="tei:author | tei:editor">
    <span class="{local-name()}"><xsl:apply-templates/></span>
  </xsl:template>

  <!-- A source: its words as the bibliography gives them; the parts of a structured one joined. -->
  <xsl:template match="*" mode="h:source">
    <xsl:apply-templates select="."/>
  </xsl:template>

  <xsl:template match="tei:p" mode="h:source">
    <span class="source-p"><xsl:apply-templates/></span>
  </xsl:template>

  <xsl:template match="tei:biblStruct" mode="h:source">
    <span class="bibl">
      <xsl:value-of select="string-join(.//text()[normalize-space()] ! normalize-space(), ', ')"/>
    </span>
  </xsl:template>

  <!-- ==== previous / next document in time ==== -->

  <!-- The edition lists its documents in chronological order (teikit.writers.html sorts
       it once, with page "order"), so a page's neighbours are its siblings there. -->
  <xsl:key name="h:document-by-page" match="ed:document" use="@page"/>

  <xsl:template name="h:pager">
    <xsl:variable name="this" select="if (exists($edition) and $page-href) then key('h:document-by-page', $page-href, $edition) else ()"/>
    <xsl:if test="$this">
      <nav class="pager" aria-label="Previous and next document">
        <xsl:for-each select="$this/preceding-sibling::ed:document[1]">
          <a class="previous" rel="prev" href="{$h:root}{@page}"><span class="pager-label">Previous</span><xsl:text> </xsl:text><xsl:value-of select="tk:title(tei:TEI)"/></a>
        </xsl:for-each>
        <xsl:for-each select="$this/following-sibling::ed:document[1]">
          <a class="next" rel="next" href="{$h:root}{@page}"><span class="pager-label">Next</span><xsl:text> </xsl:text><xsl:value-of select="tk:title(tei:TEI)"/></a>
        </xsl:for-each>
      </nav>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
