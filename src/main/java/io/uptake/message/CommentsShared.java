package io.uptake.message;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * The comments of one closed pulse round, sent to the workflow's owner and the programme's sponsor once enough
 * people answered: grouped by the blocker each writer named, in order of their words, with names, emails, numbers
 * and mentions removed. Nothing in it says who wrote what or when. The outbox forgets it once the platform has it,
 * so an erased writer's words do not stay behind in it.
 *
 * @param respondents how many people answered the round (anything), at least the free-text threshold
 * @param reader      why this person gets it: {@code owner}, {@code sponsor} or {@code owner and sponsor}
 * @param pageUrl     the dashboard page with every comment, when Uptake's public address is known
 */
@Serdeable
public record CommentsShared(String workflowId, String workflow, String period, int respondents, String reader,
                             List<Group> groups, @Nullable String pageUrl) implements ChatMessage {

    public static final String KIND = "comments_shared";

    public CommentsShared {
        groups = List.copyOf(groups);
    }

    /** The comments of the people who named one blocker (or none). */
    @Serdeable
    public record Group(String blocker, List<String> comments) {
        public Group {
            comments = List.copyOf(comments);
        }
    }

    /** How many comments in all. */
    public int count() {
        return groups.stream().mapToInt(g -> g.comments().size()).sum();
    }

    /** The heading line, the same on every platform. */
    public String heading() {
        return count() + (count() == 1 ? " comment" : " comments") + " on " + workflow;
    }

    /** The line under it: where they come from, and why this person reads them. */
    public String lead() {
        return "From the pulse that closed for " + period + ", which " + respondents + " people answered. "
                + "Names, emails, numbers and mentions are removed; nothing says who wrote what. You get them as the "
                + reader + ".";
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String fallbackText() {
        return heading();
    }

    @Override
    public boolean forgetAfterSending() {
        return true;
    }
}
