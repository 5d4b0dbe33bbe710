/**
 * The signed-in person's own page ({@code /me}): what Uptake holds about them and their choices about being asked,
 * through the same use cases as the chat commands (export, opt out and in, pause and resume).
 */
package io.uptake.web.me;
