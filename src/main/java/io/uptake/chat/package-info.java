/**
 * Chat adapters: which are on, and the Slack and Teams packages beneath, the only code that knows either platform.
 */
package io.uptake.chat;
