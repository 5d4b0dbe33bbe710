/**
 * People and their chat identities: matching by email, opt-out, pause, erasure and export.
 */
package io.uptake.people;
