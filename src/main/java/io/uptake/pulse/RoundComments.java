package io.uptake.pulse;

import io.uptake.catalog.BlockerCategory;
import io.uptake.catalog.CatalogLookup;
import io.uptake.message.CommentsShared;
import io.uptake.metrics.Anonymity;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The comments of closed rounds as their readers may see them: only the scrubbed copies, only once the round has
 * closed and at least the free-text threshold of people answered it (anything at all), grouped by the blocker the
 * same person named in that round, and within a group in the order of their words, so neither the order nor
 * anything shown beside a comment says who wrote it or when.
 */
@Singleton
public class RoundComments {

    /** The most closed rounds a workflow's page lists. */
    public static final int ROUNDS = 26;
    /** The group of comments whose writers named no blocker in that round. */
    public static final String NO_BLOCKER = "No blocker named";
    private static final Comparator<String> BY_WORDS = String.CASE_INSENSITIVE_ORDER
            .thenComparing(Comparator.naturalOrder());

    /**
     * One closed round's comments.
     *
     * @param respondents how many people answered anything in the round
     * @param written     how many comments are kept for the round (shown or not)
     * @param shown       whether enough people answered for them to be read
     * @param groups      the comments by blocker; empty unless shown
     */
    public record Round(long roundId, String pulseId, String period, int respondents, int written, boolean shown,
                        List<CommentsShared.Group> groups) {
    }

    private final PulseRepositories.Rounds rounds;
    private final PulseRepositories.Deliveries deliveries;
    private final PulseRepositories.Answers answers;
    private final PulseRepositories.ShownComments comments;
    private final Anonymity anonymity;
    private final CatalogLookup catalog;
    private final CommentNotice notice;

    RoundComments(PulseRepositories.Rounds rounds, PulseRepositories.Deliveries deliveries,
                  PulseRepositories.Answers answers, PulseRepositories.ShownComments comments, Anonymity anonymity,
                  CatalogLookup catalog, CommentNotice notice) {
        this.catalog = catalog;
        this.notice = notice;
        this.rounds = rounds;
        this.deliveries = deliveries;
        this.answers = answers;
        this.comments = comments;
        this.anonymity = anonymity;
    }

    /** The newest closed rounds of a workflow's pulses, newest first. */
    public List<Round> ofWorkflow(String workflowId) {
        return rounds.findClosedOfWorkflow(workflowId, ROUNDS).stream().map(this::of).toList();
    }

    /** Who reads a workflow's comments, by name, as its pulses tell people: "Jane Doe (owner) and ...". */
    public Optional<String> readers(String workflowId) {
        return catalog.workflow(workflowId).map(notice::readers);
    }

    /** The fewest people who must answer a round before its comments are read. */
    public int threshold() {
        return anonymity.minFreeText();
    }

    Round of(RoundRow round) {
        int respondents = (int) deliveries.countSentAndAnswered(round.id());
        List<ShownCommentRow> kept = comments.findByRoundIdAndQuestionInList(round.id(), CommentNotice.KIND_LIST)
                .stream().filter(c -> c.shownText() != null && !c.shownText().isBlank()).toList();
        boolean shown = round.closedAt() != null && anonymity.commentsShown(respondents);
        return new Round(round.id(), round.pulseId(), round.period(), respondents, kept.size(), shown,
                shown ? groups(round, kept) : List.of());
    }

    private List<CommentsShared.Group> groups(RoundRow round, List<ShownCommentRow> kept) {
        Map<String, Integer> blockerOf = new HashMap<>();
        for (AnswerRow blocker : answers.findByRoundIdAndQuestion(round.id(), "blockers")) {
            String who = respondent(blocker.deliveryId(), blocker.ballot());
            if (who != null && blocker.valueInt() != null) {
                blockerOf.put(who, blocker.valueInt());
            }
        }
        // Keyed by the category's order, "no blocker named" last.
        Map<Integer, List<String>> byBlocker = new TreeMap<>();
        for (ShownCommentRow comment : kept) {
            String who = respondent(comment.deliveryId(), comment.ballot());
            Integer blocker = who == null ? null : blockerOf.get(who);
            int key = blocker != null && BlockerCategory.ofValue(blocker).isPresent() ? blocker : Integer.MAX_VALUE;
            byBlocker.computeIfAbsent(key, k -> new ArrayList<>()).add(comment.shownText().strip());
        }
        List<CommentsShared.Group> groups = new ArrayList<>();
        byBlocker.forEach((key, texts) -> groups.add(new CommentsShared.Group(
                BlockerCategory.ofValue(key).map(BlockerCategory::label).orElse(NO_BLOCKER),
                texts.stream().sorted(BY_WORDS).toList())));
        return groups;
    }

    /** What ties one person's answers of a round together: their delivery, or in anonymous rounds their ballot. */
    private static String respondent(Long deliveryId, String ballot) {
        return deliveryId != null ? "d" + deliveryId : ballot != null ? "b" + ballot : null;
    }
}
