package io.uptake.connect.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.uptake.usage.SourceUnavailable;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads every page of Graph's Microsoft 365 Copilot usage user detail report:
 * {@code GET /beta/copilot/reports/getMicrosoft365CopilotUsageUserDetail(period='D7')}, which answers JSON (the
 * v1.0 endpoint answers CSV only), following {@code @odata.nextLink} to the last page.
 *
 * <p>A 401 gets one new token and one more try (a token can be revoked before it expires); a 403 means the app
 * lacks {@code Reports.Read.All}. The bearer token is only ever sent to Graph's own address: a next-page link to
 * another host is refused.
 */
final class CopilotUsageReport {

    static final String PATH = "/beta/copilot/reports/getMicrosoft365CopilotUsageUserDetail(period='%s')";
    static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** More pages than any tenant has (Graph's report pages hold hundreds of rows): a link that never ends. */
    static final int MOST_PAGES = 10_000;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final GraphSettings settings;
    private final GraphTokens tokens;
    private final PatientSender sender;

    CopilotUsageReport(GraphSettings settings, GraphTokens tokens, PatientSender sender) {
        this.settings = settings;
        this.tokens = tokens;
        this.sender = sender;
    }

    List<ReportRow> read(ReportPeriod period) throws SourceUnavailable {
        URI first = URI.create(settings.apiBase() + PATH.formatted(period.name()));
        List<ReportRow> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        URI next = first;
        while (next != null) {
            if (!seen.add(next.toString()) || seen.size() > MOST_PAGES) {
                throw new SourceUnavailable("Graph's Copilot usage report kept linking to pages already read; "
                        + "nothing of this pull was kept.");
            }
            ReportPage page;
            try {
                page = ReportPage.read(get(next));
            } catch (MalformedReport malformed) {
                throw new SourceUnavailable(malformed.getMessage() + " Nothing of this pull was kept.");
            }
            rows.addAll(page.rows());
            next = page.nextLink() == null ? null : sameHost(first, page.nextLink());
        }
        return rows;
    }

    private String get(URI uri) throws SourceUnavailable {
        HttpResponse<String> response = sender.send(request(uri, tokens.current()), "Microsoft Graph");
        if (response.statusCode() == 401) {
            response = sender.send(request(uri, tokens.renew()), "Microsoft Graph");
        }
        int status = response.statusCode();
        String code = graphErrorCode(response.body());
        return switch (status) {
            case 200 -> response.body();
            case 401 -> throw new SourceUnavailable("Microsoft Graph refused a new token for the Copilot usage "
                    + "report (401" + code + "): check that UPTAKE_GRAPH_TENANT_ID is the tenant the app is "
                    + "registered in.");
            case 403 -> throw new SourceUnavailable("Microsoft Graph refused to read the Copilot usage report (403"
                    + code + "): the app needs the Microsoft Graph application permission Reports.Read.All, with "
                    + "admin consent granted (Entra admin centre > App registrations > the app > API permissions).");
            case 404 -> throw new SourceUnavailable("Microsoft Graph has no Copilot usage report at "
                    + uri.getHost() + " (404" + code + "); Microsoft offers it in the global service "
                    + "(graph.microsoft.com) only.");
            default -> throw new SourceUnavailable("Microsoft Graph answered " + status + code
                    + " for the Copilot usage report; nothing of this pull was kept.");
        };
    }

    private static HttpRequest request(URI uri, String token) {
        return HttpRequest.newBuilder(uri)
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .GET()
                .build();
    }

    /** The next page's address, when it is on the same scheme, host and port as the first page. */
    private static URI sameHost(URI first, String link) throws SourceUnavailable {
        URI next;
        try {
            next = URI.create(link);
        } catch (IllegalArgumentException notAnAddress) {
            throw new SourceUnavailable("Graph's Copilot usage report gave a next-page link that is not an address.");
        }
        if (!first.getScheme().equalsIgnoreCase(String.valueOf(next.getScheme()))
                || !String.valueOf(first.getRawAuthority()).equalsIgnoreCase(String.valueOf(next.getRawAuthority()))) {
            throw new SourceUnavailable("Graph's Copilot usage report linked its next page on another host ("
                    + next.getHost() + "); Uptake sends its token to " + first.getHost() + " only.");
        }
        return next;
    }

    /** Graph's error code as " Code" for messages, or empty: the code only, never the error text. */
    private static String graphErrorCode(String body) {
        try {
            JsonNode error = JSON.readTree(body == null ? "" : body);
            String code = error == null ? "" : error.path("error").path("code").asText("");
            return code.matches("[A-Za-z0-9_.-]{1,80}") ? " " + code : "";
        } catch (IOException notJson) {
            return "";
        }
    }
}
