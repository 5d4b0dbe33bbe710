/**
 * The outbox every outgoing message goes through, its dispatcher with pacing and retries, and the ChatGateway port.
 */
package io.uptake.delivery;
