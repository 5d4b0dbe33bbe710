/**
 * The Slack adapter: Bolt app and controller, listeners, Block Kit rendering, Slack gateway and OAuth installations.
 */
package io.uptake.chat.slack;
