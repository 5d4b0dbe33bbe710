/**
 * People and their chat identities: matching by email, audience membership (who joins and leaves, from the emails
 * a programmes file lists and from what the chat adapters read through {@link io.uptake.people.AudienceMembersSource}),
 * opt-out, pause, erasure and export.
 *
 * <p>Other packages read its tables only through the read models it publishes (views, migration
 * {@code V9__read_models.sql}): {@code read_membership} and {@code read_person_name}.
 */
package io.uptake.people;
