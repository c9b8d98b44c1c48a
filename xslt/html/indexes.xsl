<?xml version="1.0" encoding="UTF-8"?>
<!--
  The site's own pages, written from the whole edition (ed:edition: every document):
  the list of documents in chronological order, the chronology by year and month, the
  indexes of persons, places and organisations (what the register says about each, and
  a link to every mention), and the search page.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:teikit:edition"
    xmlns:h="https://teikit.dev/ns/html"
    xmlns:tk="https://teikit.dev/ns"
    exclude-result-prefixes="#all">

  <xsl:template match="document-node(element(ed:edition))">
    <xsl:variable name="documents" as="element(ed:document)*">
      <xsl:perform-sort select="ed:edition/ed:document">
        <xsl:sort select="h:sort-key(tei:TEI)"/>
        <xsl:sort select="tk:title(tei:TEI)"/>
      </xsl:perform-sort>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$page = 'index'">
        <xsl:call-template name="h:index-page"><xsl:with-param name="documents" select="$documents"/></xsl:call-template>
      </xsl:when>
      <xsl:when test="$page = 'chronology'">
        <xsl:call-template name="h:chronology-page"><xsl:with-param name="documents" select="$documents"/></xsl:call-template>
      </xsl:when>
      <xsl:when test="$page = 'persons'">
        <xsl:call-template name="h:register-page">
          <xsl:with-param name="kind" select="'person'"/><xsl:with-param name="heading" select="'Persons'"/>
          <xsl:with-param name="file" select="'persons.html'"/><xsl:with-param name="documents" select="$documents"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$page = 'places'">
        <xsl:call-template name="h:register-page">
          <xsl:with-param name="kind" select="'place'"/><xsl:with-param name="heading" select="'Places'"/>
          <xsl:with-param name="file" select="'places.html'"/><xsl:with-param name="documents" select="$documents"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$page = 'organisations'">
        <xsl:call-template name="h:register-page">
          <xsl:with-param name="kind" select="'org'"/><xsl:with-param name="heading" select="'Organisations'"/>
          <xsl:with-param name="file" select="'organisations.html'"/><xsl:with-param name="documents" select="$documents"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$page = 'search'">
        <xsl:call-template name="h:search-page"/>
      </xsl:when>
      <xsl:when test="$page = 'order'">
        <xsl:value-of select="$documents ! string(@page)" separator="&#10;"/>
      </xsl:when>
      <xsl:when test="$page = 'search-index'">
        <xsl:call-template name="h:search-index"><xsl:with-param name="documents" select="$documents"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:message terminate="yes">Unknown site page '<xsl:value-of select="$page"/>': expected index, chronology, persons, places, organisations, search, search-index or order</xsl:message>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A document as a line of a list: its date and linked title. -->
  <xsl:template name="h:document-date">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="date" select="h:main-date($tei)"/>
    <xsl:choose>
      <xsl:when test="h:datetime($date)"><time datetime="{h:datetime($date)}"><xsl:value-of select="h:date-text($date)"/></time></xsl:when>
      <xsl:when test="$date"><xsl:value-of select="h:date-text($date)"/></xsl:when>
      <xsl:otherwise><span class="undated">undated</span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ==== documents in chronological order ==== -->

  <xsl:template name="h:index-page">
    <xsl:param name="documents" as="element(ed:document)*"/>
    <xsl:call-template name="h:page">
      <xsl:with-param name="title" select="'Documents'"/>
      <xsl:with-param name="current" select="'index.html'"/>
      <xsl:with-param name="content">
        <h1>Documents</h1>
        <p class="lead"><xsl:value-of select="count($documents)"/> document<xsl:if test="count($documents) ne 1">s</xsl:if>, in chronological order.</p>
        <div class="table-wrapper">
          <table class="document-list">
            <caption class="visually-hidden">All documents of the edition by date</caption>
            <thead>
              <tr><th scope="col">Date</th><th scope="col">Document</th><th scope="col">Author → recipient</th><th scope="col">Type</th><th scope="col">Place</th></tr>
            </thead>
            <tbody>
              <xsl:for-each select="$documents">
                <xsl:variable name="tei" select="tei:TEI"/>
                <xsl:variable name="recipients" select="h:names-text(tk:recipient-names($tei))"/>
                <tr>
                  <td class="date" data-label="Date"><xsl:call-template name="h:document-date"><xsl:with-param name="tei" select="$tei"/></xsl:call-template></td>
                  <td class="title" data-label="Document"><a href="{@page}" lang="{h:lang($tei)}"><xsl:value-of select="tk:title($tei)"/></a></td>
                  <td class="correspondents" data-label="Author → recipient">
                    <xsl:value-of select="h:names-text(tk:author-names($tei))"/>
                    <xsl:if test="$recipients"> → <xsl:value-of select="$recipients"/></xsl:if>
                  </td>
                  <td class="type" data-label="Type"><xsl:value-of select="h:doc-type($tei)"/></td>
                  <td class="place" data-label="Place"><xsl:value-of select="normalize-space(h:place($tei))"/></td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- ==== chronology: years, months, days ==== -->

  <xsl:template name="h:chronology-page">
    <xsl:param name="documents" as="element(ed:document)*"/>
    <xsl:variable name="years" select="distinct-values($documents ! h:year(h:sort-key(tei:TEI))[. ne '9999'])"/>
    <xsl:call-template name="h:page">
      <xsl:with-param name="title" select="'Chronology'"/>
      <xsl:with-param name="current" select="'chronology.html'"/>
      <xsl:with-param name="content">
        <h1>Chronology</h1>
        <xsl:if test="count($years) gt 1">
          <nav class="year-nav" aria-label="Years">
            <ul>
              <xsl:for-each select="$years"><li><a href="#year-{.}"><xsl:value-of select="."/></a></li></xsl:for-each>
            </ul>
          </nav>
        </xsl:if>
        <xsl:for-each-group select="$documents" group-adjacent="let $k := h:sort-key(tei:TEI) return if ($k eq '9999') then 'undated' else h:year($k)">
          <section class="year" id="year-{current-grouping-key()}" aria-labelledby="year-{current-grouping-key()}-h">
            <h2 id="year-{current-grouping-key()}-h"><xsl:value-of select="if (current-grouping-key() eq 'undated') then 'Undated' else current-grouping-key()"/></h2>
            <xsl:for-each-group select="current-group()" group-adjacent="substring(h:sort-key(tei:TEI), 6, 2)">
              <xsl:variable name="month" select="if (current-grouping-key() castable as xs:integer) then $tk:month-names[xs:integer(current-grouping-key())] else ()"/>
              <xsl:if test="$month"><h3><xsl:value-of select="$month"/></h3></xsl:if>
              <ol class="timeline">
                <xsl:for-each select="current-group()">
                  <li>
                    <span class="timeline-date"><xsl:call-template name="h:document-date"><xsl:with-param name="tei" select="tei:TEI"/></xsl:call-template></span>
                    <xsl:text> </xsl:text>
                    <a href="{@page}" lang="{h:lang(tei:TEI)}"><xsl:value-of select="tk:title(tei:TEI)"/></a>
                    <xsl:if test="h:doc-type(tei:TEI)"><xsl:text> </xsl:text><span class="timeline-type"><xsl:value-of select="h:doc-type(tei:TEI)"/></span></xsl:if>
                  </li>
                </xsl:for-each>
              </ol>
            </xsl:for-each-group>
          </section>
        </xsl:for-each-group>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- ==== persons, places, organisations ==== -->

  <xsl:template name="h:register-page">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:param name="heading" as="xs:string"/>
    <xsl:param name="file" as="xs:string"/>
    <xsl:param name="documents" as="element(ed:document)*"/>
    <xsl:variable name="entries" as="element()*">
      <xsl:perform-sort select="tk:register-entries($kind)">
        <xsl:sort select="h:sort-name(.)" lang="en"/>
      </xsl:perform-sort>
    </xsl:variable>
    <xsl:variable name="edition" select="root($documents[1])"/>
    <xsl:call-template name="h:page">
      <xsl:with-param name="title" select="$heading"/>
      <xsl:with-param name="current" select="$file"/>
      <xsl:with-param name="content">
        <h1><xsl:value-of select="$heading"/></h1>
        <xsl:choose>
          <xsl:when test="empty($entries)">
            <p class="lead">This edition has no register of <xsl:value-of select="lower-case($heading)"/> yet.</p>
          </xsl:when>
          <xsl:otherwise>
            <p class="lead"><xsl:value-of select="count($entries)"/> entries, each with the documents that mention it.</p>
            <xsl:variable name="groups" as="map(xs:string, element()*)*">
              <xsl:for-each-group select="$entries" group-adjacent="upper-case(substring(normalize-unicode(h:sort-name(.), 'NFD'), 1, 1))">
                <xsl:sequence select="map {current-grouping-key(): current-group()}"/>
              </xsl:for-each-group>
            </xsl:variable>
            <nav class="letter-nav" aria-label="Initial letters">
              <ul>
                <xsl:for-each select="$groups">
                  <li><a href="#letter-{position()}"><xsl:value-of select="map:keys(.)" xmlns:map="http://www.w3.org/2005/xpath-functions/map"/></a></li>
                </xsl:for-each>
              </ul>
            </nav>
            <xsl:for-each select="$groups">
              <xsl:variable name="letter" select="map:keys(.)" xmlns:map="http://www.w3.org/2005/xpath-functions/map"/>
              <section class="letter" aria-labelledby="letter-{position()}">
                <h2 id="letter-{position()}"><xsl:value-of select="$letter"/></h2>
                <xsl:apply-templates select="?*" mode="h:entry">
                  <xsl:with-param name="edition" select="$edition"/>
                </xsl:apply-templates>
              </section>
            </xsl:for-each>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:person | tei:place | tei:org" mode="h:entry">
    <xsl:param name="edition" as="document-node()?"/>
    <xsl:variable name="id" select="string(@xml:id)"/>
    <xsl:variable name="names" select="tei:persName | tei:placeName | tei:orgName"/>
    <xsl:variable name="preferred" select="($names[@type = 'preferred'], $names)[1]"/>
    <article class="entry {local-name()}" id="{$id}" aria-labelledby="{$id}-name">
      <h3 id="{$id}-name">
        <xsl:value-of select="tk:preferred-name(.)"/>
        <xsl:for-each select="tk:lifespan(.)"><xsl:text> </xsl:text><span class="life-dates">(<xsl:value-of select="."/>)</span></xsl:for-each>
      </h3>
      <xsl:for-each select="tei:note">
        <p class="entry-note"><xsl:apply-templates/></p>
      </xsl:for-each>
      <dl class="entry-facts">
        <xsl:call-template name="h:fact">
          <xsl:with-param name="label" select="'Also known as'"/>
          <xsl:with-param name="values" select="($names except $preferred) ! (normalize-space() || (if (@type = ('pseudonym', 'birth')) then ' (' || (if (@type = 'birth') then 'birth name' else @type) || ')' else ''))"/>
        </xsl:call-template>
        <xsl:for-each select="tei:birth | tei:death | tei:floruit">
          <xsl:call-template name="h:fact">
            <xsl:with-param name="label" select="map {'birth': 'Born', 'death': 'Died', 'floruit': 'Active'}(local-name())"/>
            <xsl:with-param name="values" select="string-join(((if (@when or @from or @notBefore or @notAfter) then h:date-text(.) else ()), (tei:placeName, tei:settlement, text()[normalize-space()]) ! normalize-space()), ', ')"/>
          </xsl:call-template>
        </xsl:for-each>
        <xsl:call-template name="h:fact">
          <xsl:with-param name="label" select="'Occupation'"/>
          <xsl:with-param name="values" select="tei:occupation ! (normalize-space() || h:span-of-years(.))"/>
        </xsl:call-template>
        <xsl:call-template name="h:fact">
          <xsl:with-param name="label" select="'Affiliation'"/>
          <xsl:with-param name="values" select="tei:affiliation ! (normalize-space() || h:span-of-years(.))"/>
        </xsl:call-template>
        <xsl:call-template name="h:fact">
          <xsl:with-param name="label" select="'Location'"/>
          <xsl:with-param name="values" select="(tei:location/tei:geo, tei:country, tei:region, tei:settlement[not(parent::tei:birth or parent::tei:death)]) ! normalize-space()"/>
        </xsl:call-template>
        <xsl:if test="tei:idno[normalize-space()]">
          <div class="fact">
            <dt>Authority files</dt>
            <dd>
              <xsl:for-each select="tei:idno[normalize-space()]">
                <xsl:variable name="href" select="h:authority-url(.)"/>
                <xsl:choose>
                  <xsl:when test="$href"><a href="{$href}" rel="external"><xsl:value-of select="h:authority-label(.) || ' ' || h:authority-id(.)"/></a></xsl:when>
                  <xsl:otherwise><xsl:value-of select="string-join((@type, normalize-space()), ' ')"/></xsl:otherwise>
                </xsl:choose>
                <xsl:if test="position() ne last()">, </xsl:if>
              </xsl:for-each>
            </dd>
          </div>
        </xsl:if>
      </dl>
      <xsl:variable name="mentions" select="if ($edition) then key('h:mentions', $id, $edition) else ()"/>
      <xsl:choose>
        <xsl:when test="empty($mentions)"><p class="mentions none">Not mentioned in the documents.</p></xsl:when>
        <xsl:otherwise>
          <div class="mentions">
            <p class="mentions-label">Mentioned in <xsl:value-of select="count($mentions/ancestor::ed:document)"/> document<xsl:if test="count($mentions/ancestor::ed:document) ne 1">s</xsl:if>:</p>
            <ul>
              <xsl:for-each-group select="$mentions" group-by="ancestor::ed:document/@page">
                <xsl:sort select="h:sort-key(ancestor::tei:TEI)"/>
                <xsl:variable name="tei" select="ancestor::tei:TEI"/>
                <li>
                  <a href="{current-grouping-key()}" lang="{h:lang($tei)}"><xsl:value-of select="tk:title($tei)"/></a>
                  <xsl:text> </xsl:text>
                  <span class="mention-links">
                    <xsl:for-each select="current-group()">
                      <a href="{current-grouping-key()}#{h:mention-anchor(.)}" title="{normalize-space()}" aria-label="mention {position()} in {tk:title($tei)}"><xsl:value-of select="position()"/></a>
                      <xsl:if test="position() ne last()"><xsl:text> </xsl:text></xsl:if>
                    </xsl:for-each>
                  </span>
                </li>
              </xsl:for-each-group>
            </ul>
          </div>
        </xsl:otherwise>
      </xsl:choose>
    </article>
  </xsl:template>

  <!-- " (1924–1929)" for an occupation or affiliation held from 1924 to 1929; "" when undated. -->
  <xsl:function name="h:span-of-years" as="xs:string">
    <xsl:param name="el" as="element()"/>
    <xsl:variable name="from" select="h:year(($el/@from, $el/@notBefore, $el/@when)[1])"/>
    <xsl:variable name="to" select="h:year(($el/@to, $el/@notAfter)[1])"/>
    <xsl:sequence select="if ($from or $to) then ' (' || string-join(($from, $to), '–') || ')' else ''"/>
  </xsl:function>

  <xsl:template name="h:fact">
    <xsl:param name="label" as="xs:string"/>
    <xsl:param name="values" as="xs:string*"/>
    <xsl:if test="exists($values[normalize-space()])">
      <div class="fact">
        <dt><xsl:value-of select="$label"/></dt>
        <dd><xsl:value-of select="$values[normalize-space()]" separator="; "/></dd>
      </div>
    </xsl:if>
  </xsl:template>

  <xsl:function name="h:authority-id" as="xs:string">
    <xsl:param name="idno" as="element()"/>
    <xsl:sequence select="replace(normalize-space($idno), '^.*/', '')"/>
  </xsl:function>

  <xsl:function name="h:authority-label" as="xs:string">
    <xsl:param name="idno" as="element()"/>
    <xsl:sequence select="(map {'wikidata': 'Wikidata', 'viaf': 'VIAF', 'gnd': 'GND', 'geonames': 'GeoNames'}(string($idno/@type)),
        string($idno/@type)[.], 'ID')[1]"/>
  </xsl:function>

  <!-- The web page of an authority record: the idno itself when it is a URL. -->
  <xsl:function name="h:authority-url" as="xs:string?">
    <xsl:param name="idno" as="element()"/>
    <xsl:variable name="v" select="normalize-space($idno)"/>
    <xsl:variable name="id" select="h:authority-id($idno)"/>
    <xsl:sequence select="
        if (matches($v, '^https?://')) then $v
        else if ($idno/@type = 'wikidata') then 'https://www.wikidata.org/wiki/' || $id
        else if ($idno/@type = 'viaf') then 'https://viaf.org/viaf/' || $id
        else if ($idno/@type = 'gnd') then 'https://d-nb.info/gnd/' || $id
        else if ($idno/@type = 'geonames') then 'https://www.geonames.org/' || $id
        else ()"/>
  </xsl:function>

  <!-- ==== search ==== -->

  <xsl:template name="h:search-page">
    <xsl:call-template name="h:page">
      <xsl:with-param name="title" select="'Search'"/>
      <xsl:with-param name="current" select="'search.html'"/>
      <xsl:with-param name="scripts" select="('assets/search-index.js', 'assets/search.js')"/>
      <xsl:with-param name="content">
        <h1>Search</h1>
        <form class="search-form" id="search-form" role="search" action="search.html" method="get">
          <label for="search-q">Search documents, persons, places and organisations</label>
          <div class="search-row">
            <input type="search" id="search-q" name="q" autocomplete="off"/>
            <button type="submit">Search</button>
          </div>
        </form>
        <p id="search-status" class="search-status" role="status" aria-live="polite"></p>
        <ol id="search-results" class="search-results"></ol>
        <noscript><p>Searching needs JavaScript. The <a href="index.html">list of documents</a> and the indexes work without it.</p></noscript>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
