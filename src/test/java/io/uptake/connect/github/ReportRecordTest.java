package io.uptake.connect.github;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.uptake.usage.SourceActivity;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which activities one per-user report record gives, and which of them are passive. */
class ReportRecordTest {

    static final LocalDate DAY = LocalDate.parse("2026-11-18");
    static final ObjectMapper JSON = new ObjectMapper();

    private static List<SourceActivity> activities(UserDayRecord record) throws Exception {
        return ReportRecord.activities(JSON.readTree(record.line()), DAY);
    }

    @Test
    void promptsAndAcceptancesAddUpToTheCount() throws Exception {
        int prompts = 6;
        int accepted = 3;
        assertThat(activities(UserDayRecord.of("ana-gh", DAY).feature("chat_panel_edit_mode", prompts, 8, accepted,
                20, 15, 2))).containsExactly(new SourceActivity(null, "ana-gh", DAY, "chat_panel_edit_mode",
                        prompts + accepted, false));
    }

    @Test
    void anEntryOfZerosGivesNothing() throws Exception {
        assertThat(activities(UserDayRecord.of("ana-gh", DAY).feature("code_completion", 0, 0, 0, 0, 0, 0)))
                .isEmpty();
    }

    @Test
    void aReviewThePersonAskedForIsActiveAndAnAssignedOneOnlyPassive() throws Exception {
        assertThat(activities(UserDayRecord.of("ana-gh", DAY).codeReview(true, true))).containsExactly(
                new SourceActivity(null, "ana-gh", DAY, "code_review", 1, false));
        assertThat(activities(UserDayRecord.of("ben-gh", DAY).codeReview(false, true))).containsExactly(
                new SourceActivity(null, "ben-gh", DAY, "code_review", 1, true));
    }

    @Test
    void cliUseWithoutPromptsStillCountsOnce() throws Exception {
        assertThat(activities(UserDayRecord.of("ana-gh", DAY).cli(1, 3, 0))).containsExactly(
                new SourceActivity(null, "ana-gh", DAY, "cli", 1, false));
    }

    @Test
    void aRecordNamingNobodyGivesNothing() throws Exception {
        assertThat(ReportRecord.activities(JSON.readTree("{\"totals_by_feature\": [{\"feature\": "
                + "\"code_completion\", \"code_acceptance_activity_count\": 2}]}"), DAY)).isEmpty();
    }

    @Test
    void consecutiveDaysAreWrittenAsOneRange() {
        assertThat(DayRanges.of(List.of(DAY.plusDays(3), DAY, DAY.plusDays(1), DAY.plusDays(5))))
                .isEqualTo("2026-11-18 to 2026-11-19, 2026-11-21, 2026-11-23");
    }
}
