/**
 * The clock the service reads time from, and how retention periods are written.
 */
package io.uptake.time;
