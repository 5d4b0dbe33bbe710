package io.uptake.chat.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.builder.BotCallbackHandler;
import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.authentication.AuthenticationConfiguration;
import com.microsoft.bot.connector.authentication.ChannelValidation;
import com.microsoft.bot.connector.authentication.ClaimsIdentity;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.uptake.catalog.Pulse;
import io.uptake.catalog.Question;
import io.uptake.delivery.Dispatcher;
import io.uptake.pulse.OpenRound;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ConcurrentModificationException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The Bot Framework SDK can close a turn's state while its executor still stores the invoke response, and the turn
 * then fails with a {@link ConcurrentModificationException} after the bot has done its work. Here the adapter does
 * exactly that to the first invoke: the person who clicked still gets their refreshed card (not a 503), and their
 * answer is stored once.
 */
@MicronautTest(transactional = false)
class TeamsTurnCloseRaceTest extends TeamsTestContext {

    static final String TENANT = "tenant-race";
    static final AtomicInteger RACES = new AtomicInteger();

    @Inject
    ApplicationContext context;
    @Inject
    SyncTeamsRosters rosters;
    @Inject
    OpenRound openRound;
    @Inject
    Dispatcher dispatcher;
    @Inject
    DataSource data;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("uptake.teams.test.close-race", "true");
        properties.put("uptake.teams.test.real-gateway", "true");
        return properties;
    }

    @Test
    void anInvokeWhoseTurnFailsAtItsCloseIsAnsweredAndStoredOnce() throws Exception {
        TeamsWorld.declare(context, "race-pulse", "19:race@thread.tacv2", Pulse.Mode.CONFIDENTIAL, Question.TRUST);
        assertThat(post(TeamsActivity.botAddedToTeam(TENANT, "19:race@thread.tacv2", "29:owner")).status())
                .isLessThan(300);
        connector.roster("19:race@thread.tacv2", List.of(TeamsActivity.members(
                TeamsActivity.member("29:rae", "rae@example.com", "Rae"))));
        assertThat(rosters.run().members()).isEqualTo(1);
        assertThat(openRound.now("race-pulse")).isInstanceOf(OpenRound.Result.Opened.class);
        assertThat(dispatcher.dispatchDue().sent()).isEqualTo(1);
        FakeBotConnector.Call card = connector.posted().stream().filter(c -> c.card() != null
                && c.card().toString().contains("How far do you trust")).reduce((a, b) -> b).orElseThrow(
                        () -> new AssertionError(connector.calls().stream().map(c -> c.method() + " " + c.path() + " "
                                + c.body()).toList()));
        JsonNode button = card.card().findParents("verb").stream().map(a -> a.path("data"))
                .filter(d -> d.path("question").asText().equals("trust") && d.path("value").asText().equals("4"))
                .findFirst().orElseThrow();
        RACES.set(1);

        Answer answer = post(TeamsActivity.execute(TENANT, "29:rae", CardData.VERB, (ObjectNode) button));

        assertThat(RACES.get()).as("the race happened").isZero();
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("Your answer: 4");
        DataSource plain = DelegatingDataSource.unwrapDataSource(data);
        try (Connection c = plain.getConnection(); ResultSet rows = c.createStatement()
                .executeQuery("SELECT COUNT(*), MIN(value_int) FROM answer WHERE question = 'trust'")) {
            rows.next();
            assertThat(List.of(rows.getInt(1), rows.getInt(2))).containsExactly(1, 4);
        }
    }

    /** An adapter that runs the first invoke while {@link #RACES} is set, then fails it as the SDK's race does. */
    @Factory
    @Requires(property = "uptake.teams.test.close-race", value = "true")
    static class RacingAdapter {

        @Singleton
        @Replaces(BotFrameworkAdapter.class)
        BotFrameworkAdapter adapter(AppCredentials credentials, AuthenticationConfiguration configuration,
                                    Connectors connectors, TeamsSettings settings) {
            ChannelValidation.setOpenIdMetaDataUrl(settings.openidMetadataUrl());
            return new ConnectorAdapter(credentials, configuration, connectors) {
                @Override
                public CompletableFuture<InvokeResponse> processActivity(ClaimsIdentity identity, Activity activity,
                                                                         BotCallbackHandler callback) {
                    CompletableFuture<InvokeResponse> done = super.processActivity(identity, activity, callback);
                    if (activity.isType(ActivityTypes.INVOKE) && RACES.compareAndSet(1, 0)) {
                        done.join();
                        return CompletableFuture.failedFuture(new ConcurrentModificationException());
                    }
                    return done;
                }
            };
        }
    }
}
