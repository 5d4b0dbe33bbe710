package io.uptake.connect.graph;

import io.uptake.catalog.UsageSpec;
import io.uptake.delivery.Sleeper;
import io.uptake.usage.SourceActivity;
import io.uptake.usage.SourcePull;
import io.uptake.usage.SourceUnavailable;
import io.uptake.usage.UsageConnector;
import jakarta.inject.Singleton;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Microsoft 365 Copilot usage from Microsoft Graph's Copilot usage report, read with an Entra ID app's client
 * credentials ({@code UPTAKE_GRAPH_TENANT_ID}, {@code UPTAKE_GRAPH_CLIENT_ID}, {@code UPTAKE_GRAPH_CLIENT_SECRET}).
 *
 * <p>The report gives each licensed person's last day of Copilot use in Teams, Word, Outlook, Excel, PowerPoint,
 * OneNote, Loop and Copilot Chat; each such day within the pulled days is one use of feature {@code teams},
 * {@code word}, {@code outlook}, {@code excel}, {@code powerpoint}, {@code onenote}, {@code loop} or
 * {@code copilot-chat} (and {@value SourceActivity#ANY} for a last day in an app the report does not break out).
 * A last day is at most one day per app and person per pull: pulled daily, each new last day is kept as the report
 * moves forward, and when it moves several days at once only the last of them is seen.
 *
 * <p>The report lags: Microsoft refreshes it up to 72 hours behind, and its {@code reportRefreshDate} is the pull's
 * "data as of" ({@link SourcePull#deliveredThrough()}); later days come with a later pull. It covers only people
 * with a Microsoft 365 Copilot licence. When the tenant conceals names in reports, the pull is anonymised and says
 * which setting to change.
 */
@Singleton
public class Microsoft365CopilotConnector implements UsageConnector {

    public static final String SOURCE = UsageSpec.MICROSOFT_365_COPILOT;
    /** The features this connector records, as a workflow's {@code usage.features} may name them. */
    public static final List<String> FEATURES = Stream.concat(Stream.of(CopilotApp.values()).map(CopilotApp::feature),
            Stream.of(SourceActivity.ANY)).toList();

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final GraphSettings settings;
    private final Clock clock;
    private final CopilotUsageReport report;

    public Microsoft365CopilotConnector(GraphSettings settings, Sleeper sleeper, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        PatientSender sender = new PatientSender(http, sleeper, clock);
        this.report = new CopilotUsageReport(settings, new GraphTokens(settings, sender, clock), sender);
    }

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public boolean configured() {
        return settings.configured();
    }

    @Override
    public SourcePull pull(LocalDate from, LocalDate to) throws SourceUnavailable {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from " + from + " is after to " + to);
        }
        if (!configured()) {
            throw new SourceUnavailable("The Microsoft 365 Copilot connector is not configured: set "
                    + "UPTAKE_GRAPH_TENANT_ID, UPTAKE_GRAPH_CLIENT_ID and UPTAKE_GRAPH_CLIENT_SECRET.");
        }
        String addressProblem = settings.addressProblem();
        if (addressProblem != null) {
            throw new SourceUnavailable(addressProblem + ".");
        }
        LocalDate today = clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
        ReportPeriod period = ReportPeriod.covering(from, today);
        List<String> notes = new ArrayList<>();
        if (period.startsAfter(from, today)) {
            notes.add("The Copilot usage report reaches back " + period.days() + " days from its refresh date at "
                    + "most, so the earliest days of this pull (from " + from + ") cannot all be read.");
        }
        return LastActivityDays.read(report.read(period), from, to, notes);
    }
}
