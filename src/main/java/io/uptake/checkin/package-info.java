/**
 * Quarterly outcome check-ins from each workflow's accountable owner, with reminders and escalation to the sponsor.
 */
package io.uptake.checkin;
