/**
 * Weekly adoption digests for leaders' channels: composition as a neutral model, charts and subscriptions.
 */
package io.uptake.digest;
