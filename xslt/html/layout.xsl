<?xml version="1.0" encoding="UTF-8"?>
<!--
  The page shell every page shares: head, banner with the edition's navigation and
  search box, the main landmark, footer. Offline by design: only the site's own CSS and
  scripts, no fonts or scripts from elsewhere.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:h="https://teikit.dev/ns/html"
    xmlns:tk="https://teikit.dev/ns"
    exclude-result-prefixes="#all">

  <!-- The site's sections, in the order of the navigation bar: (file, label). -->
  <xsl:variable name="h:sections" as="array(xs:string)+" select="(
      ['index.html', 'Documents'], ['chronology.html', 'Chronology'], ['persons.html', 'Persons'],
      ['places.html', 'Places'], ['organisations.html', 'Organisations'], ['search.html', 'Search'])"/>

  <xsl:template name="h:page">
    <xsl:param name="title" as="xs:string"/>
    <xsl:param name="lang" as="xs:string" select="'en'"/>
    <xsl:param name="current" as="xs:string" select="''"/>
    <xsl:param name="content" as="node()*"/>
    <xsl:param name="scripts" as="xs:string*" select="()"/>
    <html lang="{$lang}">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="$title || ' · ' || $edition-title"/></title>
        <meta name="generator" content="teikit"/>
        <link rel="icon" href="data:,"/>
        <link rel="stylesheet" href="{$h:root}assets/edition.css"/>
        <script src="{$h:root}assets/edition.js" defer="defer"></script>
        <xsl:for-each select="$scripts">
          <script src="{$h:root}{.}" defer="defer"></script>
        </xsl:for-each>
      </head>
      <body>
        <a class="skip-link" href="#main">Skip to the text</a>
        <xsl:call-template name="h:site-header">
          <xsl:with-param name="current" select="$current"/>
        </xsl:call-template>
        <main id="main">
          <xsl:sequence select="$content"/>
        </main>
        <xsl:call-template name="h:site-footer"/>
      </body>
    </html>
  </xsl:template>

  <xsl:template name="h:site-header">
    <xsl:param name="current" as="xs:string"/>
    <header class="site-header">
      <div class="site-header-inner">
        <p class="site-title"><a href="{$h:root}index.html" lang="en"><xsl:value-of select="$edition-title"/></a></p>
        <xsl:if test="$edition-subtitle">
          <p class="site-subtitle"><xsl:value-of select="$edition-subtitle"/></p>
        </xsl:if>
        <nav class="site-nav" aria-label="Edition">
          <ul>
            <xsl:for-each select="$h:sections">
              <li>
                <a href="{$h:root}{?1}">
                  <xsl:if test="?1 = $current"><xsl:attribute name="aria-current" select="'page'"/></xsl:if>
                  <xsl:value-of select="?2"/>
                </a>
              </li>
            </xsl:for-each>
          </ul>
        </nav>
        <form class="site-search" role="search" action="{$h:root}search.html" method="get">
          <label for="site-search-q" class="visually-hidden">Search the edition</label>
          <input type="search" id="site-search-q" name="q" placeholder="Search the edition" autocomplete="off"/>
          <button type="submit">Search</button>
        </form>
      </div>
    </header>
  </xsl:template>

  <xsl:template name="h:site-footer">
    <footer class="site-footer">
      <p><xsl:value-of select="$edition-title"/>. Encoded in TEI P5; built with teikit.</p>
    </footer>
  </xsl:template>
</xsl:stylesheet>
