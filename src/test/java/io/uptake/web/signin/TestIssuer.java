package io.uptake.web.signin;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An OpenID Connect provider on loopback for tests, in Slack's shape or Entra ID's: its own RSA keys, a discovery
 * document, a JWKS, an authorization endpoint that signs in whoever the test names (no page: it redirects straight
 * back with a code) and a token endpoint that checks the client's secret and the code and issues a signed ID token.
 * A test can make the next ID token wrong: signed with another key, for another audience, from another issuer, or
 * expired.
 */
final class TestIssuer implements AutoCloseable {

    /** Whose shape the provider has. */
    enum Shape { SLACK, ENTRA }

    /** What is wrong with the next ID token. */
    enum Flaw { NONE, OTHER_KEY, WRONG_AUDIENCE, WRONG_ISSUER, EXPIRED, CANCELLED }

    private record Pending(String nonce, String redirectUri, Map<String, Object> claims, Flaw flaw) {
    }

    private final Shape shape;
    private final String clientId;
    private final String clientSecret;
    private final String tenant;
    private final HttpServer server;
    private final RSAKey key;
    private final RSAKey otherKey;
    private final Map<String, Pending> codes = new ConcurrentHashMap<>();
    private volatile Map<String, Object> next = Map.of();
    private volatile Flaw flaw = Flaw.NONE;

    private TestIssuer(Shape shape, String clientId, String clientSecret, String tenant) throws IOException {
        this.shape = shape;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.tenant = tenant;
        try {
            this.key = new RSAKeyGenerator(2048).keyID(shape.name().toLowerCase() + "-key").generate();
            this.otherKey = new RSAKeyGenerator(2048).keyID(shape.name().toLowerCase() + "-key").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** A provider in Slack's shape (issuer without a path, email and email_verified claims). */
    static TestIssuer slack(String clientId, String clientSecret) {
        try {
            return new TestIssuer(Shape.SLACK, clientId, clientSecret, "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A provider in Entra ID's v2.0 shape (issuer {@code /{tenant}/v2.0}, tid, preferred_username). */
    static TestIssuer entra(String tenant, String clientId, String clientSecret) {
        try {
            return new TestIssuer(Shape.ENTRA, clientId, clientSecret, tenant);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The issuer, as the ID tokens name it and as the service is configured with. */
    String issuer() {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        return shape == Shape.ENTRA ? base + "/" + tenant + "/v2.0" : base;
    }

    /** The claims of whoever signs in next (besides iss, sub, aud, exp, iat and nonce), and what is wrong. */
    void nextSignIn(Map<String, Object> claims, Flaw wrong) {
        this.next = Map.copyOf(claims);
        this.flaw = wrong;
    }

    void nextSignIn(Map<String, Object> claims) {
        nextSignIn(claims, Flaw.NONE);
    }

    /** A Slack person's claims, with a verified email. */
    static Map<String, Object> slackPerson(String email, String name) {
        return Map.of("email", email, "email_verified", true, "name", name,
                "https://slack.com/team_id", "T0TEST", "https://slack.com/user_id", "U" + Math.abs(email.hashCode()));
    }

    /** An Entra person's claims: their address as preferred_username (no email claim) in {@code tid}. */
    static Map<String, Object> entraPerson(String tid, String upn, String name) {
        return Map.of("tid", tid, "preferred_username", upn, "name", name, "oid", UUID.randomUUID().toString(),
                "ver", "2.0");
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String prefix = URI.create(issuer()).getPath();
            String local = path.startsWith(prefix) ? path.substring(prefix.length()) : path;
            switch (local) {
                case "/.well-known/openid-configuration" -> json(exchange, 200, discovery());
                case "/jwks" -> json(exchange, 200, new JWKSet(key.toPublicJWK()).toString());
                case "/authorize" -> authorize(exchange);
                case "/token" -> token(exchange);
                default -> json(exchange, 404, "{\"error\":\"not_found\"}");
            }
        }
    }

    private String discovery() {
        String base = issuer();
        List<String> authMethods = shape == Shape.SLACK ? List.of("client_secret_post")
                : List.of("client_secret_post", "private_key_jwt", "client_secret_basic");
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("issuer", base);
        doc.put("authorization_endpoint", base + "/authorize");
        doc.put("token_endpoint", base + "/token");
        doc.put("jwks_uri", base + "/jwks");
        doc.put("response_types_supported", List.of("code"));
        doc.put("subject_types_supported", List.of("public", "pairwise"));
        doc.put("id_token_signing_alg_values_supported", List.of("RS256"));
        doc.put("scopes_supported", List.of("openid", "email", "profile"));
        doc.put("token_endpoint_auth_methods_supported", authMethods);
        doc.put("claims_supported", List.of("sub", "iss", "aud", "exp", "iat", "email", "email_verified", "name"));
        return toJson(doc);
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        if (!clientId.equals(query.get("client_id")) || !"code".equals(query.get("response_type"))
                || query.get("redirect_uri") == null) {
            json(exchange, 400, "{\"error\":\"invalid_request\"}");
            return;
        }
        if (flaw == Flaw.CANCELLED) {
            String back = query.get("redirect_uri") + "?error=access_denied&error_description=cancelled"
                    + (query.get("state") == null ? "" : "&state="
                    + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8));
            exchange.getResponseHeaders().add("Location", back);
            exchange.sendResponseHeaders(302, -1);
            return;
        }
        String code = UUID.randomUUID().toString();
        codes.put(code, new Pending(query.getOrDefault("nonce", ""), query.get("redirect_uri"), next, flaw));
        String back = query.get("redirect_uri") + (query.get("redirect_uri").contains("?") ? "&" : "?")
                + "code=" + code + (query.get("state") == null ? ""
                : "&state=" + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8));
        exchange.getResponseHeaders().add("Location", back);
        exchange.sendResponseHeaders(302, -1);
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> body = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String basic = exchange.getRequestHeaders().getFirst("Authorization");
        boolean client = (clientId.equals(body.get("client_id")) && clientSecret.equals(body.get("client_secret")))
                || ("Basic " + Base64.getEncoder().encodeToString((clientId + ":" + clientSecret)
                .getBytes(StandardCharsets.UTF_8))).equals(basic);
        Pending pending = codes.remove(String.valueOf(body.get("code")));
        if (!client) {
            json(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        if (pending == null || !"authorization_code".equals(body.get("grant_type"))
                || !pending.redirectUri().equals(body.get("redirect_uri"))) {
            json(exchange, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        Map<String, Object> response = new LinkedHashMap<>();
        if (shape == Shape.SLACK) {
            response.put("ok", true);
        }
        response.put("access_token", "access-" + UUID.randomUUID());
        response.put("token_type", "Bearer");
        response.put("expires_in", 3600);
        response.put("id_token", idToken(pending));
        json(exchange, 200, toJson(response));
    }

    private String idToken(Pending pending) {
        Instant now = Instant.now();
        Instant expires = pending.flaw() == Flaw.EXPIRED ? now.minus(Duration.ofMinutes(10))
                : now.plus(Duration.ofMinutes(10));
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(pending.flaw() == Flaw.WRONG_ISSUER ? "https://issuer.example.net" : issuer())
                .subject("sub-" + Math.abs(pending.claims().hashCode()))
                .audience(pending.flaw() == Flaw.WRONG_AUDIENCE ? "another-client" : clientId)
                .issueTime(Date.from(now.minus(Duration.ofMinutes(pending.flaw() == Flaw.EXPIRED ? 20 : 0))))
                .notBeforeTime(Date.from(now.minus(Duration.ofMinutes(pending.flaw() == Flaw.EXPIRED ? 20 : 1))))
                .expirationTime(Date.from(expires));
        if (!pending.nonce().isEmpty()) {
            claims.claim("nonce", pending.nonce());
        }
        pending.claims().forEach(claims::claim);
        RSAKey signer = pending.flaw() == Flaw.OTHER_KEY ? otherKey : key;
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signer.getKeyID()).build(),
                    claims.build());
            jwt.sign(new RSASSASigner(signer));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> form(String raw) {
        Map<String, String> fields = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return fields;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            fields.put(name, value);
        }
        return fields;
    }

    private static String toJson(Map<String, Object> map) {
        return com.nimbusds.jose.util.JSONObjectUtils.toJSONString(map);
    }

    private static void json(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
