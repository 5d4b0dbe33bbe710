/**
 * The chat simulator behind {@code /try} in demo mode: a third chat adapter beside {@code chat.slack} and
 * {@code chat.teams}. Its gateway is where the outbox sends the demo's messages (kept as a platform would keep
 * them), its directory gives the demo's channels, groups and teams, and its pages call the same use cases as the
 * other adapters when someone clicks, comments, types a command or fills in a check-in form.
 */
package io.uptake.chat.web;
