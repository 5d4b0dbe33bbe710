/**
 * Connectors to AI tools that report usage: the HTTP clients behind the usage feature's
 * {@link io.uptake.usage.UsageConnector}, one package per tool. They read, and the usage feature stores.
 */
package io.uptake.connect;
