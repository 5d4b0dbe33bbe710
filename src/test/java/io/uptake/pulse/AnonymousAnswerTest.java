package io.uptake.pulse;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.uptake.catalog.Question;
import io.uptake.delivery.Dispatcher;
import io.uptake.delivery.RecordingGateway;
import io.uptake.message.PulseAnswered;
import io.uptake.time.MutableClock;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false, rebuildContext = true)
class AnonymousAnswerTest {

    @Inject
    ApplicationContext context;
    @Inject
    OpenRound openRound;
    @Inject
    RecordAnswer recordAnswer;
    @Inject
    SendReminders reminders;
    @Inject
    Dispatcher dispatcher;
    @Inject
    PulseRepositories.Answers answers;
    @Inject
    PulseRepositories.Deliveries deliveries;
    @Inject
    @Named("slack")
    RecordingGateway slack;
    @Inject
    MutableClock clock;
    @Inject
    DataSource dataSource;

    Map<String, Long> ids;
    long round;

    void openAndSend() {
        ids = PulseWorld.in(context).anonymous().person("ana@example.com", "UTC").person("bo@example.com", "UTC")
                .person("cy@example.com", "UTC").questions(Question.USAGE, Question.TRUST).build();
        clock.set(Instant.parse("2026-03-10T10:00:00Z"));
        round = ((OpenRound.Result.Opened) openRound.scheduled(PulseWorld.PULSE, LocalDate.parse("2026-03-10")))
                .roundId();
        dispatcher.dispatchDue();
        slack.clear();
    }

    @Test
    void anonymousAnswersCannotBeJoinedToPeopleFromAnythingStored() throws Exception {
        openAndSend();
        recordAnswer.record(new AnswerCommand(round, ids.get("ana@example.com"), "trust", "2", null));
        clock.set(Instant.parse("2026-03-10T11:00:00Z"));
        recordAnswer.record(new AnswerCommand(round, ids.get("bo@example.com"), "trust", "5", null));
        dispatcher.dispatchDue();

        assertThat(answers.findByRoundId(round)).hasSize(2).allSatisfy(a -> {
            assertThat(a.personId()).isNull();
            assertThat(a.deliveryId()).isNull();
            assertThat(a.updatedAt()).isNull();
            assertThat(a.ballot()).hasSize(64);
        });
        List<String> ballots = answers.findByRoundId(round).stream().map(AnswerRow::ballot).toList();
        List<String> secrets = slack.delivered().stream()
                .map(c -> ((PulseAnswered) c.envelope().message()).card().ballot()).toList();
        String everything = dumpEveryTable();
        for (String value : concat(ballots, secrets)) {
            assertThat(everything.split(value, -1)).as("'%s' appears only in the answer rows", value)
                    .hasSize(ballots.contains(value) ? 2 : 1);
        }
        assertThat(everything).doesNotContain("pulse_answered");
        assertThat(deliveries.findByRoundIdOrderById(round)).extracting(DeliveryRow::answered)
                .containsExactly(true, true, false);
    }

    @Test
    void theBallotInThePersonsOwnMessageLetsThemChangeTheirAnswer() {
        openAndSend();
        long ana = ids.get("ana@example.com");
        recordAnswer.record(new AnswerCommand(round, ana, "trust", "2", null));
        dispatcher.dispatchDue();
        String ballot = ((PulseAnswered) slack.delivered().get(0).envelope().message()).card().ballot();

        AnswerResult changed = recordAnswer.record(new AnswerCommand(round, ana, "trust", "4", ballot));
        AnswerResult fromOldMessage = recordAnswer.record(new AnswerCommand(round, ana, "usage", "1", null));

        assertThat(changed).isInstanceOfSatisfying(AnswerResult.Recorded.class, r -> assertThat(r.changed()).isTrue());
        assertThat(fromOldMessage).isInstanceOf(AnswerResult.UseLatestMessage.class);
        assertThat(answers.findByRoundId(round)).singleElement().satisfies(a -> assertThat(a.valueInt()).isEqualTo(4));
    }

    @Test
    void nonRespondersOfAnAnonymousRoundAreStillReminded() {
        openAndSend();
        recordAnswer.record(new AnswerCommand(round, ids.get("ana@example.com"), "trust", "2", null));
        dispatcher.dispatchDue();
        slack.clear();
        clock.set(Instant.parse("2026-03-11T10:01:00Z"));

        assertThat(reminders.run()).isEqualTo(2);
        dispatcher.dispatchDue();

        assertThat(slack.delivered()).extracting(c -> c.envelope().recipient()).containsExactlyInAnyOrder("U2", "U3");
    }

    private String dumpEveryTable() throws Exception {
        StringBuilder out = new StringBuilder();
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
                ResultSet tables = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            List<String> names = new ArrayList<>();
            while (tables.next()) {
                names.add(tables.getString("TABLE_NAME"));
            }
            for (String table : names) {
                try (ResultSet rows = c.createStatement().executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData meta = rows.getMetaData();
                    while (rows.next()) {
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            out.append(table).append('.').append(meta.getColumnName(i)).append('=')
                                    .append(rows.getString(i)).append('\n');
                        }
                    }
                }
            }
        }
        return out.toString();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
