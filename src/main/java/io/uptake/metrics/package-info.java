/**
 * The adoption metrics and the leverage-or-activity verdict, and the anonymity rules every output passes through.
 */
package io.uptake.metrics;
