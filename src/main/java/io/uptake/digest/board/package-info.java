/**
 * The quarterly board summary: a programme's quarter on one page (outcomes claimed and measured with their
 * evidence, the weekly verdicts, effect estimates and the owner's decisions), sent to its owner and sponsor after
 * the quarter ends and served on demand as a PNG.
 */
package io.uptake.digest.board;
