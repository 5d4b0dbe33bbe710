package io.uptake.connect.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.uptake.usage.SourceUnavailable;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Each login's email where the organisation is linked to a SAML identity provider, read through GitHub's GraphQL
 * API: {@code organization(login) { samlIdentityProvider { externalIdentities { nodes { user { login }
 * samlIdentity { nameId } scimIdentity { username } } pageInfo { hasNextPage endCursor } } } }}, 100 identities a
 * page. The email is the SAML {@code nameId} when it is an email address, else the SCIM {@code username} when that
 * is one; identities linked to no GitHub account are skipped.
 *
 * <p>GitHub answers these only to an organisation owner's token ({@code read:org} since March 2023). When the
 * organisation has no SAML provider, or the token may not read it, the answer is an empty map and a note: people are
 * then matched through the programmes file's {@code github-logins}.
 */
final class SamlEmails {

    static final String QUERY = """
            query($org: String!, $after: String) {
              organization(login: $org) {
                samlIdentityProvider {
                  externalIdentities(first: 100, after: $after) {
                    pageInfo { hasNextPage endCursor }
                    nodes { user { login } samlIdentity { nameId } scimIdentity { username } }
                  }
                }
              }
            }""";

    /** More pages than 100,000 identities take means the cursors go round in a circle. */
    private static final int MOST_PAGES = 1_000;

    private SamlEmails() {
    }

    /** Lower-cased login to email; empty when GitHub gives none, with a note saying why. */
    static Map<String, String> read(GitHubApi api, String org, List<String> notes) throws SourceUnavailable {
        String what = "the SAML identities of " + org;
        Map<String, String> emails = new HashMap<>();
        String after = null;
        for (int pages = 0; pages < MOST_PAGES; pages++) {
            GitHubApi.Answer answer = api.graphql(body(org, after), what);
            if (answer.status() != 200) {
                String github = answer.githubMessage();
                notes.add("Emails not read from GitHub (" + answer.status() + (github.isEmpty() ? "" : ": " + github)
                        + "); people are matched by github-logins.");
                return Map.of();
            }
            JsonNode body = GitHubApi.json(answer.body(), what);
            JsonNode errors = body.path("errors");
            if (errors.isArray() && !errors.isEmpty()) {
                JsonNode first = errors.get(0);
                notes.add("Emails not read from GitHub (" + first.path("type").asText("error") + ": "
                        + GitHubApi.shorten(first.path("message").asText("")) + "); people are matched by "
                        + "github-logins.");
                return Map.of();
            }
            JsonNode organization = body.path("data").path("organization");
            if (!organization.isObject()) {
                throw new SourceUnavailable(GitHubApi.malformed(what, "no organization in data"));
            }
            JsonNode provider = organization.path("samlIdentityProvider");
            if (provider.isNull() || provider.isMissingNode()) {
                notes.add(org + " is not linked to a SAML identity provider on GitHub: people are matched by "
                        + "github-logins.");
                return Map.of();
            }
            JsonNode identities = provider.path("externalIdentities");
            if (!identities.path("nodes").isArray()) {
                throw new SourceUnavailable(GitHubApi.malformed(what, "no externalIdentities nodes"));
            }
            for (JsonNode node : identities.path("nodes")) {
                String login = node.path("user").path("login").asText("").trim();
                String email = email(node.path("samlIdentity").path("nameId").asText(""));
                if (email == null) {
                    email = email(node.path("scimIdentity").path("username").asText(""));
                }
                if (!login.isEmpty() && email != null) {
                    emails.put(login.toLowerCase(Locale.ROOT), email);
                }
            }
            JsonNode pageInfo = identities.path("pageInfo");
            if (!pageInfo.path("hasNextPage").asBoolean(false)) {
                return emails;
            }
            after = pageInfo.path("endCursor").asText(null);
            if (after == null) {
                throw new SourceUnavailable(GitHubApi.malformed(what, "a next page without a cursor"));
            }
        }
        throw new SourceUnavailable("GitHub's SAML identities of " + org + " went on past " + MOST_PAGES
                + " pages; nothing from this pull was stored.");
    }

    private static String body(String org, String after) {
        ObjectNode body = GitHubApi.JSON.createObjectNode();
        body.put("query", QUERY);
        ObjectNode variables = body.putObject("variables");
        variables.put("org", org);
        if (after == null) {
            variables.putNull("after");
        } else {
            variables.put("after", after);
        }
        return body.toString();
    }

    /** The value when it reads as an email address (a nameId may also be a plain user name), else null. */
    private static String email(String value) {
        String trimmed = value.trim();
        int at = trimmed.indexOf('@');
        boolean looksLikeEmail = at > 0 && at == trimmed.lastIndexOf('@') && at < trimmed.length() - 1
                && trimmed.indexOf(' ') < 0;
        return looksLikeEmail ? trimmed : null;
    }
}
