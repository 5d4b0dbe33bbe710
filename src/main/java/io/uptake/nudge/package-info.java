/**
 * Adoption nudges and their caps.
 */
package io.uptake.nudge;
