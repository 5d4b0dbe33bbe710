package io.uptake.digest;

import io.micronaut.core.annotation.Nullable;
import io.uptake.message.DigestMessage;
import io.uptake.metrics.MetricsSettings;
import io.uptake.metrics.ProgrammeScore;
import io.uptake.metrics.Scorecard;
import io.uptake.metrics.WorkflowScore;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns a week's scorecard into the digest's parts: a headline verdict per programme, a row per workflow, flags,
 * cut into parts small enough that each fits one chat message.
 *
 * <p>Size is counted in units: a programme's heading costs {@link #HEADING_UNITS}, each workflow one. A
 * renderer that spends at most one block per unit, plus {@link #PART_OVERHEAD} of its own, keeps a part of
 * {@code maxUnits} within {@code maxUnits + PART_OVERHEAD} blocks.
 */
@Singleton
public class ComposeDigest {

    /** Units for a programme's heading and verdict. */
    public static final int HEADING_UNITS = 2;
    /** Blocks a renderer may add to every part: title, week line, footer. */
    public static final int PART_OVERHEAD = 3;
    /** Parts for Slack: at most 47 blocks each, under the 50 a message may hold. */
    public static final int SLACK_UNITS = 44;
    /**
     * Parts for Teams: one card holds a programme of 38 workflows with every flag and figure, within the 80 KB (in
     * UTF-16, as Teams counts) a card may take; the card renderer shortens text to stay in size.
     */
    public static final int TEAMS_UNITS = 40;

    private final DigestWording wording;
    private final Function<Collection<String>, Map<String, String>> ownerNames;

    @Inject
    ComposeDigest(MetricsSettings settings, OwnerNames ownerNames) {
        this(settings, ownerNames::of);
    }

    /** @param ownerNames display name by lower-case email for the owner emails given */
    ComposeDigest(MetricsSettings settings, Function<Collection<String>, Map<String, String>> ownerNames) {
        this.wording = new DigestWording(settings);
        this.ownerNames = ownerNames;
    }

    /**
     * @param maxUnits the size of one part, e.g. {@link #SLACK_UNITS}
     * @param chartUrl where the chart image can be fetched, shown in the first part; null for none
     */
    public List<DigestMessage> compose(Scorecard scorecard, int maxUnits, @Nullable String chartUrl) {
        if (maxUnits < HEADING_UNITS + 1) {
            throw new IllegalArgumentException("a part needs room for a heading and a row, not " + maxUnits);
        }
        Map<String, String> names = ownerNames.apply(scorecard.programmes().stream()
                .flatMap(p -> p.workflows().stream()).map(WorkflowScore::ownerEmail).toList());
        List<List<DigestMessage.Programme>> parts = new ArrayList<>();
        List<DigestMessage.Programme> current = new ArrayList<>();
        int units = 0;
        for (ProgrammeScore programme : scorecard.programmes()) {
            List<DigestMessage.Row> rows = programme.workflows().stream().map(w -> row(w, names)).toList();
            int next = 0;
            do {
                if (units + HEADING_UNITS + Math.min(1, rows.size()) > maxUnits) {
                    parts.add(current);
                    current = new ArrayList<>();
                    units = 0;
                }
                int take = Math.min(rows.size() - next, maxUnits - units - HEADING_UNITS);
                current.add(new DigestMessage.Programme(programme.name(), DigestWording.verdict(programme.verdict()),
                        programme.reasons(), next > 0, rows.subList(next, next + take)));
                units += HEADING_UNITS + take;
                next += take;
            } while (next < rows.size());
        }
        parts.add(current);
        String title = "Weekly adoption digest · " + scorecard.week()
                + (scorecard.soFar() ? " (this week so far)" : "");
        List<DigestMessage> messages = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            messages.add(new DigestMessage(title, scorecard.week(), i + 1, parts.size(), parts.get(i),
                    i == 0 ? chartUrl : null, scorecard.soFar()));
        }
        return messages;
    }

    private DigestMessage.Row row(WorkflowScore w, Map<String, String> names) {
        String owner = w.ownerEmail() == null ? null : names.get(w.ownerEmail().trim().toLowerCase(Locale.ROOT));
        return new DigestMessage.Row(w.name(), DigestWording.verdict(w.verdict()), wording.facts(w, owner),
                wording.flags(w));
    }
}
