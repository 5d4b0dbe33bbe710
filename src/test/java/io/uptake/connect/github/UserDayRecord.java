package io.uptake.connect.github;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;

/**
 * Builds one line of a per-user Copilot usage metrics report, in the fields of GitHub's example schema ("Example
 * schema for Copilot usage metrics", user level).
 */
public final class UserDayRecord {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode record = JSON.createObjectNode();

    private UserDayRecord(String login, LocalDate day) {
        record.put("day", day.toString());
        record.put("organization_id", "4711");
        record.put("user_id", Math.abs(login.hashCode()));
        record.put("user_login", login);
        record.putArray("totals_by_feature");
        record.putArray("totals_by_ide");
        record.putArray("totals_by_language_feature");
        record.putArray("totals_by_language_model");
        record.putArray("totals_by_model_feature");
        record.put("used_agent", false);
        record.put("used_chat", false);
        record.put("used_cli", false);
    }

    public static UserDayRecord of(String login, LocalDate day) {
        return new UserDayRecord(login, day);
    }

    /** An entry of {@code totals_by_feature}. */
    public UserDayRecord feature(String feature, int prompts, int generations, int acceptances, int linesSuggested,
                          int linesAdded, int linesDeleted) {
        ObjectNode entry = record.withArray("totals_by_feature").addObject();
        entry.put("feature", feature);
        entry.put("user_initiated_interaction_count", prompts);
        entry.put("code_generation_activity_count", generations);
        entry.put("code_acceptance_activity_count", acceptances);
        entry.put("loc_suggested_to_add_sum", linesSuggested);
        entry.put("loc_suggested_to_delete_sum", 0);
        entry.put("loc_added_sum", linesAdded);
        entry.put("loc_deleted_sum", linesDeleted);
        if (feature.startsWith("chat_panel")) {
            record.put("used_chat", true);
        }
        return this;
    }

    UserDayRecord cli(int sessions, int requests, int prompts) {
        ObjectNode cli = record.putObject("totals_by_cli");
        cli.put("session_count", sessions);
        cli.put("request_count", requests);
        cli.put("prompt_count", prompts);
        ObjectNode tokens = cli.putObject("token_usage");
        tokens.put("output_tokens_sum", 5000);
        tokens.put("prompt_tokens_sum", 3800);
        tokens.put("avg_tokens_per_request", 4400.0);
        record.put("used_cli", true);
        return this;
    }

    UserDayRecord codeReview(boolean active, boolean passive) {
        record.put("used_copilot_code_review_active", active);
        record.put("used_copilot_code_review_passive", passive);
        return this;
    }

    public String line() {
        return record.toString();
    }
}
