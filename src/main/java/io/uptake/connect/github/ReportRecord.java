package io.uptake.connect.github;

import com.fasterxml.jackson.databind.JsonNode;
import io.uptake.usage.SourceActivity;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns one record of a per-user Copilot usage metrics report (one person, one day; fields as in GitHub's "Data
 * available in Copilot usage metrics" reference) into that person's activities of the day, one per feature.
 *
 * <p>Features, in GitHub's words where GitHub names them:
 * <ul>
 *   <li>each entry of {@code totals_by_feature} under its {@code feature} ({@code code_completion},
 *       {@code chat_panel_ask_mode}, {@code chat_panel_agent_mode}, {@code agent_edit}, ...), IDE use only;</li>
 *   <li>{@value #CLI} from {@code totals_by_cli}, which GitHub keeps apart from the IDE figures;</li>
 *   <li>{@value #CODE_REVIEW} from {@code used_copilot_code_review_active} and
 *       {@code used_copilot_code_review_passive}.</li>
 * </ul>
 *
 * <p>Active or passive, per feature entry:
 * <ul>
 *   <li><b>active</b> when the person sent prompts ({@code user_initiated_interaction_count}) or accepted
 *       suggestions ({@code code_acceptance_activity_count}); the count is the sum of the two;</li>
 *   <li>otherwise <b>active</b> when lines were added to or deleted from their files ({@code loc_added_sum},
 *       {@code loc_deleted_sum}): agent edits, which GitHub does not count as interactions, are written on the
 *       person's behalf after a prompt; the count is {@code code_generation_activity_count}, at least 1;</li>
 *   <li>otherwise <b>passive</b> when Copilot only generated or suggested ({@code code_generation_activity_count},
 *       {@code loc_suggested_to_add_sum}): suggestions were shown and none was taken; the count is the
 *       generations, at least 1;</li>
 *   <li>an entry of zeros gives nothing.</li>
 * </ul>
 * CLI use is active (a session is started by the person); its count is {@code totals_by_cli.prompt_count}, at
 * least 1. Code review is active when the person asked for a review or applied its suggestion, passive when GitHub
 * only assigned Copilot to review their pull request (GitHub's own definitions), count 1.
 */
final class ReportRecord {

    static final String CLI = "cli";
    static final String CODE_REVIEW = "code_review";

    private ReportRecord() {
    }

    /** The record's login, or an empty string when it names nobody. */
    static String login(JsonNode record) {
        return record.path("user_login").asText("").trim();
    }

    static List<SourceActivity> activities(JsonNode record, LocalDate day) {
        String login = login(record);
        List<SourceActivity> activities = new ArrayList<>();
        if (login.isEmpty()) {
            return activities;
        }
        for (JsonNode entry : record.path("totals_by_feature")) {
            String feature = entry.path("feature").asText("").trim();
            if (feature.isEmpty()) {
                continue;
            }
            long engaged = count(entry, "user_initiated_interaction_count")
                    + count(entry, "code_acceptance_activity_count");
            long generated = count(entry, "code_generation_activity_count");
            long linesChanged = count(entry, "loc_added_sum") + count(entry, "loc_deleted_sum");
            long suggested = count(entry, "loc_suggested_to_add_sum") + count(entry, "loc_suggested_to_delete_sum");
            if (engaged > 0) {
                activities.add(activity(login, day, feature, engaged, false));
            } else if (linesChanged > 0) {
                activities.add(activity(login, day, feature, generated, false));
            } else if (generated > 0 || suggested > 0) {
                activities.add(activity(login, day, feature, generated, true));
            }
        }
        JsonNode cli = record.path("totals_by_cli");
        if (cli.isObject() && (count(cli, "session_count") + count(cli, "request_count")
                + count(cli, "prompt_count") > 0)) {
            activities.add(activity(login, day, CLI, count(cli, "prompt_count"), false));
        }
        if (record.path("used_copilot_code_review_active").asBoolean(false)) {
            activities.add(activity(login, day, CODE_REVIEW, 1, false));
        } else if (record.path("used_copilot_code_review_passive").asBoolean(false)) {
            activities.add(activity(login, day, CODE_REVIEW, 1, true));
        }
        return activities;
    }

    private static SourceActivity activity(String login, LocalDate day, String feature, long count, boolean passive) {
        int atLeastOne = (int) Math.max(1, Math.min(Integer.MAX_VALUE, count));
        return new SourceActivity(null, login, day, feature, atLeastOne, passive);
    }

    /** A whole number GitHub reported, or 0 when the field is absent, null or not a number. */
    private static long count(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNumber() ? Math.max(0, value.asLong()) : 0;
    }
}
