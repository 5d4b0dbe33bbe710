/**
 * Demo mode ({@code UPTAKE_DEMO=true}): a database of its own, seeded with a year of a generated organisation played
 * through the service's real use cases, and the chat simulator ({@code io.uptake.chat.web}) to try it as any of
 * its people. Nothing here exists outside demo mode.
 */
package io.uptake.demo;
