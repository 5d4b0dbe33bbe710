/**
 * Signing in to the dashboard and what guards it: Sign in with Slack and Microsoft Entra ID (OpenID Connect, through
 * Micronaut Security's OAuth 2.0 support) next to the admin token, the flags every dashboard cookie carries, the key
 * form tokens are signed with, and the plain pages a refused sign-in or a refused request shows.
 *
 * <p>Whoever signs in, the session is the same signed cookie ({@code uptake_session}) holding the person's verified
 * email ({@link io.uptake.web.Viewers#EMAIL}); {@link io.uptake.web.Viewer} then decides what they see.
 */
package io.uptake.web.signin;
