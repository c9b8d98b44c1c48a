<?xml version="1.0" encoding="UTF-8"?>
<!--
  The text's structure: divisions, headings, paragraphs, letters' openers and closers,
  quotations, lists, tables, verse, drama, and a fallback for every other element (its
  content, in a span or div named after it), so no TEI element is ever lost.

  HTML forbids a block inside a paragraph or span, TEI does not: an element that holds
  blocks is written as a div (h:has-block), one that does not as p or span.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:eg="http://www.tei-c.org/ns/Examples"
    xmlns:h="https://teikit.dev/ns/html"
    xmlns:tk="https://teikit.dev/ns"
    exclude-result-prefixes="#all">

  <xsl:variable name="h:block-names" as="xs:string+" select="('div', 'div1', 'div2', 'div3', 'div4',
      'div5', 'div6', 'div7', 'p', 'ab', 'lg', 'l', 'table', 'row', 'cell', 'list', 'item', 'listBibl',
      'listWit', 'listPerson', 'listPlace', 'listOrg', 'sp', 'speaker', 'floatingText', 'figure', 'castList', 'opener', 'closer',
      'postscript', 'titlePage', 'docTitle', 'titlePart', 'byline', 'docImprint', 'argument', 'epigraph',
      'trailer', 'egXML', 'group', 'text', 'body', 'front', 'back', 'cit', 'spGrp', 'move', 'set')"/>

  <!-- Is this element written as a block (div, p, table, list...)? -->
  <xsl:function name="h:is-block" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="name" select="local-name($e)"/>
    <xsl:sequence select="
        if (h:is-footnote($e)) then false()
        else if ($name = $h:block-names) then true()
        else if ($name = 'note') then true()
        else if ($name = 'head') then true()
        else if ($name = ('quote', 'said', 'q')) then exists($e/(tei:p | tei:lg | tei:sp | tei:l | tei:ab | tei:list | tei:table)) or h:in-block-context($e)
        else if ($name = ('stage', 'salute', 'signed', 'dateline', 'docDate', 'docAuthor', 'address', 'label', 'bibl', 'gap', 'pb', 'milestone', 'fw', 'epigraph'))
            then h:in-block-context($e) and not($name = ('gap', 'pb', 'milestone', 'fw')) and not($name = ('label', 'bibl') and not($e/parent::tei:list or $e/parent::tei:listBibl))
        else false()"/>
  </xsl:function>

  <!-- A parent whose children are blocks: body, div, an opener. -->
  <xsl:function name="h:in-block-context" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e/parent::*[local-name() = ('body', 'front', 'back', 'div', 'div1', 'div2', 'div3',
        'div4', 'div5', 'div6', 'div7', 'opener', 'closer', 'postscript', 'sp', 'lg', 'titlePage', 'docImprint',
        'list', 'listBibl', 'floatingText', 'argument', 'epigraph', 'trailer', 'figure', 'cit', 'castList')])"/>
  </xsl:function>

  <!-- Does it hold a block? Notes moved to the foot of the page do not count. -->
  <xsl:function name="h:has-block" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="some $d in $e//* satisfies (h:is-block($d) and not($d/ancestor::tei:note[h:is-footnote(.)][. >> $e or . is $e]) and not($d/ancestor::tei:rdg))"/>
  </xsl:function>

  <!-- The attributes every written element carries: its TEI id, language and kind. -->
  <xsl:template name="h:attributes">
    <xsl:param name="class" as="xs:string*" select="()"/>
    <xsl:if test="@xml:id"><xsl:attribute name="id" select="@xml:id"/></xsl:if>
    <xsl:for-each select="@xml:lang ! h:html-lang(.)"><xsl:attribute name="lang" select="."/></xsl:for-each>
    <xsl:variable name="classes" select="distinct-values(($class, local-name(), @type ! ('type-' || replace(., '[^\p{L}\p{N}_-]', '-')),
        tokenize(@rend) ! ('rend-' || replace(., '[^\p{L}\p{N}_-]', '-'))))"/>
    <xsl:attribute name="class" select="string-join($classes, ' ')"/>
  </xsl:template>

  <!-- A wrapper named after the element: div when it holds blocks, the given inline element otherwise. -->
  <xsl:template name="h:wrap">
    <xsl:param name="inline" as="xs:string" select="'span'"/>
    <xsl:param name="block" as="xs:string" select="'div'"/>
    <xsl:param name="class" as="xs:string*" select="()"/>
    <xsl:element name="{if (h:has-block(.) or (h:is-block(.) and $inline ne 'p')) then $block else $inline}">
      <xsl:call-template name="h:attributes"><xsl:with-param name="class" select="$class"/></xsl:call-template>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <!-- ==== fallback: any element shows its content ==== -->

  <xsl:template match="tei:* | eg:*">
    <xsl:call-template name="h:wrap"/>
  </xsl:template>

  <xsl:template match="*" priority="-2">
    <xsl:call-template name="h:wrap"/>
  </xsl:template>

  <!-- Header material that has no place in the reading text. -->
  <xsl:template match="tei:teiHeader | tei:facsimile | tei:standOff"/>

  <!-- ==== structure ==== -->

  <xsl:template match="tei:text | tei:group">
    <div>
      <xsl:call-template name="h:attributes"><xsl:with-param name="class" select="'tei-text'"/></xsl:call-template>
      <xsl:apply-templates/>
    </div>
  </xsl:template>

  <xsl:template match="tei:front | tei:body | tei:back">
    <div>
      <xsl:call-template name="h:attributes"/>
      <xsl:apply-templates/>
    </div>
  </xsl:template>

  <xsl:template match="tei:div | tei:div1 | tei:div2 | tei:div3 | tei:div4 | tei:div5 | tei:div6 | tei:div7">
    <xsl:element name="{if (tei:head) then 'section' else 'div'}">
      <xsl:call-template name="h:attributes"><xsl:with-param name="class" select="'div'"/></xsl:call-template>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <!-- A division's heading: h2 below the document's h1, one level deeper for each division. -->
  <xsl:template match="tei:head">
    <xsl:variable name="depth" select="count(ancestor::*[local-name() = ('div', 'div1', 'div2', 'div3', 'div4', 'div5', 'div6', 'div7', 'floatingText')])"/>
    <xsl:choose>
      <xsl:when test="parent::*[local-name() = ('div', 'div1', 'div2', 'div3', 'div4', 'div5', 'div6', 'div7', 'body', 'front', 'back')] and not(h:has-block(.))">
        <xsl:element name="h{min((max((2, $depth + 1)), 6))}">
          <xsl:call-template name="h:attributes"/>
          <xsl:apply-templates/>
        </xsl:element>
      </xsl:when>
      <xsl:otherwise>
        <div>
          <xsl:call-template name="h:attributes"/>
          <xsl:apply-templates/>
        </div>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:p | tei:ab">
    <xsl:call-template name="h:wrap">
      <xsl:with-param name="inline" select="'p'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:opener | tei:closer | tei:postscript | tei:argument | tei:epigraph | tei:trailer | tei:byline | tei:docImprint">
    <div>
      <xsl:call-template name="h:attributes"/>
      <xsl:apply-templates/>
    </div>
  </xsl:template>

  <xsl:template match="tei:lb">
    <br class="lb"/>
  </xsl:template>

  <xsl:template match="tei:lb[@break = 'no']">
    <span class="lb-hyphen" aria-hidden="true">-</span><br class="lb"/>
  </xsl:template>

  <!-- Running heads and catchwords: kept, set apart from the text. -->
  <xsl:template match="tei:fw">
    <span>
      <xsl:call-template name="h:attributes"/>
      <xsl:apply-templates/>
    </span>
  </xsl:template>

  <!-- ==== phrase level ==== -->

  <xsl:template match="tei:hi">
    <xsl:variable name="rend" select="lower-case(string-join((@rend, @rendition), ' '))"/>
    <xsl:variable name="element" select="
        if (h:has-block(.)) then 'div'
        else if (matches($rend, 'sup')) then 'sup'
        else if (matches($rend, 'sub')) then 'sub'
        else if (matches($rend, 'bold|strong')) then 'strong'
        else if (matches($rend, 'ital|^$|#i')) then 'i'
        else 'span'"/>
    <xsl:element name="{$element}">
      <xsl:call-template name="h:attributes"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:emph">
    <xsl:call-template name="h:wrap"><xsl:with-param name="inline" select="'em'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:title[not(ancestor::tei:teiHeader) or ancestor::tei:bibl or ancestor::tei:biblStruct]">
    <xsl:call-template name="h:wrap"><xsl:with-param name="inline" select="'cite'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:foreign | tei:term | tei:mentioned | tei:gloss">
    <xsl:call-template name="h:wrap"><xsl:with-param name="inline" select="'i'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:code | tei:gi | tei:att | tei:val | tei:tag | tei:ident">
    <code>
      <xsl:call-template name="h:attributes"/>
      <xsl:value-of select="if (self::tei:gi) then '&lt;' || . || '&gt;' else if (self::tei:att) then '@' || . else ."/>
    </code>
  </xsl:template>

  <xsl:template match="tei:q | tei:said | tei:quote | tei:soCalled">
    <xsl:choose>
      <xsl:when test="h:is-block(.) or h:has-block(.)">
        <blockquote>
          <xsl:call-template name="h:attributes"/>
          <xsl:apply-templates/>
        </blockquote>
      </xsl:when>
      <xsl:otherwise>
        <q>
          <xsl:call-template name="h:attributes"/>
          <xsl:apply-templates/>
        </q>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:cit">
    <xsl:call-template name="h:wrap"/>
  </xsl:template>

  <!-- Dates read as they are written, with their ISO value for machines. -->
  <xsl:template match="tei:date[not(ancestor::tei:teiHeader)]">
    <xsl:variable name="datetime" select="h:datetime(.)"/>
    <xsl:choose>
      <xsl:when test="$datetime and not(h:has-block(.))">
        <time datetime="{$datetime}" title="{h:date-text(.)}">
          <xsl:call-template name="h:attributes"/>
          <xsl:apply-templates/>
        </time>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="h:wrap"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Links: web addresses and targets inside this document; anything else is text. -->
  <xsl:template match="tei:ref | tei:ptr">
    <xsl:variable name="target" select="tokenize(@target)[1]"/>
    <xsl:variable name="internal" select="starts-with($target, '#') and exists(id(substring($target, 2)))"/>
    <xsl:variable name="web" select="matches($target, '^(https?|mailto):')"/>
    <xsl:choose>
      <xsl:when test="($internal or $web) and not(h:has-block(.)) and not(ancestor::tei:*[self::tei:ref or h:is-name-link(.)]) and not(.//tei:note or .//tei:app)">
        <a href="{$target}">
          <xsl:call-template name="h:attributes"/>
          <xsl:apply-templates/>
          <xsl:if test="self::tei:ptr"><xsl:value-of select="$target"/></xsl:if>
        </a>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="h:wrap"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- An address is a mailto: link; placeholder text ("[email address of this person]") stays text. -->
  <xsl:template match="tei:email">
    <xsl:choose>
      <xsl:when test="matches(normalize-space(), '^[^\s@\[\]&lt;&gt;]+@[^\s@\[\]&lt;&gt;]+$')">
        <a href="mailto:{normalize-space()}"><xsl:call-template name="h:attributes"/><xsl:apply-templates/></a>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="h:wrap"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A figure is described, not shown: an offline edition loads no images from elsewhere. -->
  <xsl:template match="tei:graphic | tei:media">
    <span class="graphic" title="{@url}">[image<xsl:value-of select="if (../tei:figDesc) then '' else ': ' || tokenize(@url, '/')[last()]"/>]</span>
  </xsl:template>

  <xsl:template match="tei:figure">
    <figure>
      <xsl:call-template name="h:attributes"/>
      <xsl:apply-templates select="node() except (tei:head | tei:figDesc)"/>
      <xsl:if test="tei:head | tei:figDesc">
        <figcaption><xsl:apply-templates select="tei:head/node(), tei:figDesc/node()"/></figcaption>
      </xsl:if>
    </figure>
  </xsl:template>

  <!-- ==== lists ==== -->

  <xsl:template match="tei:list">
    <div>
      <xsl:call-template name="h:attributes"/>
      <xsl:apply-templates select="tei:head"/>
      <xsl:choose>
        <xsl:when test="tei:label or @type = ('gloss', 'glossary')">
          <dl>
            <xsl:for-each select="tei:item">
              <dt><xsl:apply-templates select="preceding-sibling::*[1][self::tei:label]/node()"/></dt>
              <dd><xsl:call-template name="h:attributes"/><xsl:apply-templates/></dd>
            </xsl:for-each>
          </dl>
        </xsl:when>
        <xsl:otherwise>
          <xsl:element name="{if (matches(@rend, 'number|ordered') or @type = ('ordered', 'numbered')) then 'ol' else 'ul'}">
            <xsl:for-each select="tei:item">
              <li><xsl:call-template name="h:attributes"/><xsl:apply-templates/></li>
            </xsl:for-each>
          </xsl:element>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:apply-templates select="* except (tei:head | tei:item | tei:label)"/>
    </div>
  </xsl:template>

  <xsl:template match="tei:listBibl">
    <div>
      <xsl:call-template name="h:attributes"/>
      <xsl:apply-templates select="tei:head"/>
      <ul>
        <xsl:for-each select="* except tei:head">
          <li><xsl:apply-templates select="."/></li>
        </xsl:for-each>
      </ul>
    </div>
  </xsl:template>

  <!-- ==== tables ==== -->

  <xsl:template match="tei:table">
    <div class="table-wrapper">
      <table>
        <xsl:call-template name="h:attributes"/>
        <xsl:if test="tei:head">
          <caption><xsl:apply-templates select="tei:head/node()"/></caption>
        </xsl:if>
        <tbody>
          <xsl:apply-templates select="tei:row"/>
        </tbody>
      </table>
      <xsl:apply-templates select="* except (tei:head | tei:row)"/>
    </div>
  </xsl:template>

  <xsl:template match="tei:row">
    <tr>
      <xsl:call-template name="h:attributes"/>
      <xsl:apply-templates select="tei:cell"/>
    </tr>
  </xsl:template>

  <xsl:template match="tei:cell">
    <xsl:element name="{if (@role = 'label' or ../@role = 'label') then 'th' else 'td'}">
      <xsl:call-template name="h:attributes"/>
      <xsl:if test="@cols castable as xs:integer and xs:integer(@cols) gt 1"><xsl:attribute name="colspan" select="@cols"/></xsl:if>
      <xsl:if test="@rows castable as xs:integer and xs:integer(@rows) gt 1"><xsl:attribute name="rowspan" select="@rows"/></xsl:if>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <!-- ==== verse ==== -->

  <xsl:template match="tei:lg">
    <div>
      <xsl:call-template name="h:attributes"/>
      <xsl:apply-templates/>
    </div>
  </xsl:template>

  <xsl:template match="tei:l">
    <div>
      <xsl:call-template name="h:attributes"/>
      <xsl:if test="@n and (not(@n castable as xs:integer) or xs:integer(@n) mod 5 = 0)">
        <span class="line-number" aria-hidden="true"><xsl:value-of select="@n"/></span>
      </xsl:if>
      <xsl:apply-templates/>
    </div>
  </xsl:template>

  <!-- ==== drama ==== -->

  <xsl:template match="tei:sp">
    <div>
      <xsl:call-template name="h:attributes"/>
      <xsl:apply-templates/>
    </div>
  </xsl:template>

  <xsl:template match="tei:speaker">
    <div>
      <xsl:call-template name="h:attributes"/>
      <strong><xsl:apply-templates/></strong>
    </div>
  </xsl:template>

  <xsl:template match="tei:stage">
    <xsl:call-template name="h:wrap"><xsl:with-param name="inline" select="'i'"/></xsl:call-template>
  </xsl:template>

  <!-- ==== examples of TEI markup (TEI's own documentation) ==== -->

  <xsl:template match="eg:egXML">
    <pre class="egXML"><code><xsl:value-of select="serialize(node())"/></code></pre>
  </xsl:template>
</xsl:stylesheet>
