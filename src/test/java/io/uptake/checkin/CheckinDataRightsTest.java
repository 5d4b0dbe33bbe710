package io.uptake.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.uptake.message.MyData;
import io.uptake.people.ForgetMe;
import io.uptake.people.PersonalDataPart;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An owner's check-ins in their data export, and what their erasure leaves of them. */
@MicronautTest(transactional = false)
class CheckinDataRightsTest {

    @Inject
    ApplicationContext context;
    @Inject
    SubmitCheckin submit;
    @Inject
    ForgetMe forgetMe;
    @Inject
    List<PersonalDataPart> parts;
    @Inject
    CheckinRepositories.Checkins checkins;

    /** An owner who logged a check-in; each test has its own, as an erased one cannot be linked again. */
    long owner(String email, String slackUserId) {
        CheckinWorld world = CheckinWorld.in(context).workflow("wf-rights", email).declare();
        long owner = world.slackUser(email, slackUserId, "Rita", "Europe/London");
        assertThat(submit.submit(new CheckinCommand("wf-rights", owner, "131", "on_track", "7",
                "https://wiki.example.com/evidence", "Two fewer hand-offs per claim", null, null))).isInstanceOf(
                CheckinResult.Saved.class);
        return owner;
    }

    @Test
    void theExportListsTheCheckinsThePersonLoggedWithTheirNotes() {
        long owner = owner("rita@example.com", "URITA");

        List<String> lines = parts.stream().flatMap(p -> p.export(owner).stream())
                .filter(s -> s.title().equals("Outcome check-ins you logged")).flatMap(s -> s.lines().stream())
                .toList();

        assertThat(lines).singleElement().asString().contains("wf-rights").contains("value 131")
                .contains("on_track").contains("note: Two fewer hand-offs per claim");
    }

    @Test
    void erasureForgetsWhoLoggedTheCheckinAndTheNoteButKeepsTheFigures() {
        long owner = owner("rolf@example.com", "UROLF");

        assertThat(forgetMe.erase(owner)).isInstanceOf(ForgetMe.Result.Erased.class);

        CheckinRow kept = checkins.findLatestOfWorkflow("wf-rights").orElseThrow();
        assertThat(kept.submittedBy()).isNull();
        assertThat(kept.note()).isNull();
        assertThat(kept.value()).isEqualByComparingTo("131");
        assertThat(checkins.findBySubmittedByOrderBySubmittedAt(owner)).isEmpty();
        assertThat(parts.stream().flatMap(p -> p.export(owner).stream()).map(MyData.Section::title))
                .doesNotContain("Outcome check-ins you logged");
    }
}
