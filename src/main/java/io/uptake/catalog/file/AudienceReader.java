package io.uptake.catalog.file;

import io.uptake.catalog.Audience;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads a workflow's audience: exactly one of a Slack channel, a Slack user group, a Teams team or emails. */
final class AudienceReader {

    static final List<String> KINDS = List.of("slack-channel", "slack-usergroup", "teams-team", "emails");

    private static final Pattern SLACK_CHANNEL = Pattern.compile("[CG][A-Z0-9]{2,}");
    private static final Pattern SLACK_USERGROUP = Pattern.compile("S[A-Z0-9]{2,}");
    private static final String KINDS_TEXT = "slack-channel, slack-usergroup, teams-team or emails";

    private AudienceReader() {
    }

    static Optional<Audience> read(Field field) {
        return field.mapping(KINDS).flatMap(mapping -> {
            List<String> given = KINDS.stream().filter(mapping::has).toList();
            if (given.size() != 1) {
                field.error("an audience is exactly one of " + KINDS_TEXT + "; found "
                        + (given.isEmpty() ? "none" : String.join(" and ", given)));
                return Optional.empty();
            }
            Field value = mapping.get(given.get(0)).orElseThrow();
            return switch (given.get(0)) {
                case "slack-channel" -> slackId(value, SLACK_CHANNEL, "a Slack channel id such as C0123ABCD")
                        .map(Audience.SlackChannel::new);
                case "slack-usergroup" -> slackId(value, SLACK_USERGROUP, "a Slack user group id such as S0123ABCD")
                        .map(Audience.SlackUsergroup::new);
                case "teams-team" -> Scalars.text(value).map(Audience.TeamsTeam::new);
                default -> emails(value);
            };
        });
    }

    // Slack ids, not names: names change and are not unique across workspaces.
    private static Optional<String> slackId(Field field, Pattern pattern, String expected) {
        Optional<String> id = Scalars.text(field);
        if (id.isPresent() && !pattern.matcher(id.get()).matches()) {
            field.error(Field.quote(id.get()) + " is not " + expected + "; copy the id from the details in Slack");
            return Optional.empty();
        }
        return id;
    }

    private static Optional<Audience> emails(Field field) {
        return field.list().flatMap(items -> {
            if (items.isEmpty()) {
                field.error("list at least one email address");
                return Optional.empty();
            }
            return Scalars.distinctEmails(items, "person").map(Audience.Emails::new);
        });
    }
}
