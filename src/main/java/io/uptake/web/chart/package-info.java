/**
 * Charts for the dashboard's pages, drawn on the server as inline SVG from plain records: no script library and
 * nothing fetched from elsewhere, so a page with a chart works without JavaScript and under a strict content
 * security policy. Every chart sits beside a table with the same figures.
 */
package io.uptake.web.chart;
