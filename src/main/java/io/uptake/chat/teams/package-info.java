/**
 * The Microsoft Teams adapter: Bot Framework controller and bot, Adaptive Cards, Teams gateway and conversation
 * references.
 */
package io.uptake.chat.teams;
