/**
 * Quarterly outcome check-ins from each workflow's accountable owner, with reminders and escalation to the sponsor.
 *
 * <p>Other packages read its tables only through the read models it publishes (views, migration
 * {@code V9__read_models.sql}): {@code read_checkin_cycle} and {@code read_checkin}.
 */
package io.uptake.checkin;
