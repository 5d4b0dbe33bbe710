/**
 * The GitHub Copilot connector ({@code github-copilot}): reads an organisation's Copilot seat list, its per-user
 * usage metrics reports where GitHub publishes them, and, where the organisation is linked to a SAML identity
 * provider, each login's email. Set {@code UPTAKE_GITHUB_TOKEN} and {@code UPTAKE_GITHUB_ORG} to turn it on.
 */
package io.uptake.connect.github;
