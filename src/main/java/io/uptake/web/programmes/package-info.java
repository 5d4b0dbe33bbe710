/**
 * The dashboard's programmes and workflow pages: verdicts with their reasons, trends drawn by
 * {@link io.uptake.web.chart.SvgLineChart} beside tables of the same figures, a workflow's year of history, its
 * stage ledger, outcome check-ins, open rounds and flags. Every figure is the scorecard's (the anonymity rules
 * already applied); a hidden one says so and never shows a value.
 */
package io.uptake.web.programmes;
