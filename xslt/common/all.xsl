<?xml version="1.0" encoding="UTF-8"?>
<!--
  teikit common modules in one import: dates.xsl (readable and ISO dates), header.xsl
  (title, author, recipient, date, place ... of a document) and registers.xsl (lookups in
  the registers of persons, places and organisations; stylesheet parameter `registers`).
  Writers import this:  <xsl:import href="common/all.xsl"/>
  Each module documents its functions in its opening comment.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <!-- dates.xsl comes in through header.xsl -->
  <xsl:import href="header.xsl"/>
  <xsl:import href="registers.xsl"/>
</xsl:stylesheet>
