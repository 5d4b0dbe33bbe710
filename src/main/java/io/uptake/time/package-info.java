/**
 * The clock the service reads time from.
 */
package io.uptake.time;
