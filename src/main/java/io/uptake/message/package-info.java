/**
 * The neutral message model: what the bot says, independent of any platform. The Slack adapter renders it as
 * Block Kit and the Teams adapter as Adaptive Cards.
 */
package io.uptake.message;
