<?xml version="1.0" encoding="utf-8"?>
<!--
	What a browser shows for a story's Atom feed (src/lib/server/feeds/atom.ts links it): a page
	saying this address is for feed readers, with the story's entries. Feed readers never apply it.
	It writes no script and no inline style (the look is /feed.css), so no CSP has to make room.
-->
<xsl:stylesheet version="1.0"
	xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
	xmlns:atom="http://www.w3.org/2005/Atom"
	exclude-result-prefixes="atom">
	<xsl:output method="html" encoding="utf-8" doctype-system="about:legacy-compat" indent="yes"/>

	<xsl:variable name="page" select="/atom:feed/atom:link[@rel='alternate'][@type='text/html']/@href"/>

	<xsl:template match="/atom:feed">
		<html lang="en">
			<head>
				<meta charset="utf-8"/>
				<meta name="viewport" content="width=device-width, initial-scale=1"/>
				<title><xsl:value-of select="atom:title"/> (Atom feed)</title>
				<link rel="stylesheet" href="/feed.css"/>
			</head>
			<body>
				<header class="masthead"><p>Throughline</p></header>
				<main>
					<p class="notice" role="note">
						<strong>This is a feed.</strong>
						Copy this page’s address into a feed reader (an app that gathers the updates of
						the sites you follow) to get each new event of this story there.
						<a href="{$page}/follow">How to follow this story</a>
					</p>
					<h1><xsl:value-of select="atom:title"/></h1>
					<xsl:if test="atom:subtitle">
						<p class="subtitle"><xsl:value-of select="atom:subtitle"/></p>
					</xsl:if>
					<p><a href="{$page}">Read the story on Throughline</a></p>
					<h2>Latest entries</h2>
					<ol class="entries">
						<xsl:apply-templates select="atom:entry"/>
					</ol>
				</main>
			</body>
		</html>
	</xsl:template>

	<xsl:template match="atom:entry">
		<li>
			<p class="date">
				<time datetime="{atom:updated}"><xsl:value-of select="substring(atom:updated, 1, 10)"/></time>
				<xsl:for-each select="atom:category[@label]">
					<span class="tag"><xsl:value-of select="@label"/></span>
				</xsl:for-each>
			</p>
			<h3><a href="{atom:link[@rel='alternate']/@href}"><xsl:value-of select="atom:title"/></a></h3>
			<xsl:if test="atom:summary">
				<p><xsl:value-of select="atom:summary"/></p>
			</xsl:if>
		</li>
	</xsl:template>
</xsl:stylesheet>
