package io.uptake.connect.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.core.annotation.Nullable;
import io.uptake.usage.SourceUnavailable;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Graph access tokens from the client-credentials grant of the Microsoft identity platform's v2.0 token endpoint,
 * kept until {@link #EARLY} before they expire so that a pull of many pages asks for one token, not one a page.
 *
 * <p>A refused request becomes a {@link SourceUnavailable} that says what to fix, by the {@code AADSTS} code Entra
 * answers with; neither the secret nor the form that carried it is ever part of a message or a log line.
 */
final class GraphTokens {

    /** How long before {@code expires_in} runs out a token is replaced (Entra's tokens last about an hour). */
    static final Duration EARLY = Duration.ofMinutes(5);
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern AADSTS = Pattern.compile("AADSTS(\\d+)");

    private final GraphSettings settings;
    private final PatientSender sender;
    private final Clock clock;

    @Nullable
    private String token;
    private Instant renewAt = Instant.MIN;

    GraphTokens(GraphSettings settings, PatientSender sender, Clock clock) {
        this.settings = settings;
        this.sender = sender;
        this.clock = clock;
    }

    /** A token that has not yet expired, asked for only when the one kept is gone or about to go. */
    synchronized String current() throws SourceUnavailable {
        if (token != null && clock.instant().isBefore(renewAt)) {
            return token;
        }
        return fetch();
    }

    /** A new token, after Graph refused the one kept (revoked, or expired earlier than it said). */
    synchronized String renew() throws SourceUnavailable {
        token = null;
        return fetch();
    }

    private String fetch() throws SourceUnavailable {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", settings.clientId().trim());
        form.put("client_secret", settings.clientSecret().trim());
        form.put("scope", settings.scope());
        form.put("grant_type", "client_credentials");
        String body = form.entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.tokenEndpoint()))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        Instant asked = clock.instant();
        HttpResponse<String> response = sender.send(request, "the Microsoft token endpoint");
        JsonNode answer = readJson(response.body());
        if (response.statusCode() != 200) {
            throw new SourceUnavailable(refusal(response.statusCode(), answer));
        }
        String accessToken = answer == null ? null : answer.path("access_token").asText(null);
        long lifetime = answer == null ? 0 : seconds(answer.path("expires_in"));
        if (accessToken == null || accessToken.isBlank() || lifetime <= 0) {
            throw new SourceUnavailable("The Microsoft token endpoint answered 200 without an access token and its "
                    + "lifetime (check UPTAKE_GRAPH_TOKEN_URL).");
        }
        Duration life = Duration.ofSeconds(lifetime);
        Duration early = life.compareTo(EARLY.multipliedBy(2)) > 0 ? EARLY : life.dividedBy(2);
        token = accessToken;
        renewAt = asked.plus(life).minus(early);
        return token;
    }

    /** What an admin should change, from the error Entra gave; never its description verbatim, never the secret. */
    private static String refusal(int status, @Nullable JsonNode answer) {
        String error = answer == null ? "" : answer.path("error").asText("");
        String code = answer == null ? "" : aadsts(answer);
        String why = switch (code) {
            case "7000222" -> "the client secret has expired: add a new one under the app registration's "
                    + "Certificates & secrets and set UPTAKE_GRAPH_CLIENT_SECRET to its Value";
            case "7000215" -> "the client secret is wrong: set UPTAKE_GRAPH_CLIENT_SECRET to the secret's Value "
                    + "(not its Secret ID)";
            case "700016" -> "no application with UPTAKE_GRAPH_CLIENT_ID is registered in the tenant "
                    + "UPTAKE_GRAPH_TENANT_ID names (check both ids)";
            case "90002" -> "the tenant UPTAKE_GRAPH_TENANT_ID names was not found (use the Directory (tenant) ID)";
            case "7000112" -> "the app registration is disabled";
            default -> "invalid_client".equals(error)
                    ? "the client id or secret was refused (check UPTAKE_GRAPH_CLIENT_ID and "
                            + "UPTAKE_GRAPH_CLIENT_SECRET)"
                    : "it answered " + status + (error.isEmpty() ? "" : " " + error);
        };
        String reference = code.isEmpty() ? "" : " (AADSTS" + code + ")";
        return "Microsoft refused Uptake's Graph app a token: " + why + reference + ".";
    }

    /** Entra's error number, from {@code error_codes} or the {@code AADSTS} prefix of its description. */
    private static String aadsts(JsonNode answer) {
        JsonNode codes = answer.path("error_codes");
        if (codes.isArray() && !codes.isEmpty() && codes.get(0).canConvertToLong()) {
            return Long.toString(codes.get(0).asLong());
        }
        Matcher matcher = AADSTS.matcher(answer.path("error_description").asText(""));
        return matcher.find() ? matcher.group(1) : "";
    }

    /** {@code expires_in}, a number in v2.0 answers and a string in older ones. */
    private static long seconds(JsonNode expiresIn) {
        if (expiresIn.canConvertToLong()) {
            return expiresIn.asLong();
        }
        try {
            return Long.parseLong(expiresIn.asText("").trim());
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }

    @Nullable
    private static JsonNode readJson(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException notJson) {
            return null;
        }
    }
}
