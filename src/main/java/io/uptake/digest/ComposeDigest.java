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
     * The text a Slack part may hold, as {@link #size} counts it: Slack refuses a message whose blocks hold about
     * 12,000 characters of text in all ({@code msg_blocks_too_long}, a limit its reference does not publish), and
     * the renderer adds some 600 of its own (title, week, legend, labels).
     */
    public static final int SLACK_CHARACTERS = 8000;
    /**
     * Parts for Teams: one card holds a programme of 38 workflows with every flag and figure, within the 80 KB (in
     * UTF-16, as Teams counts) a card may take; the card renderer shortens text to stay in size.
     */
    public static final int TEAMS_UNITS = 40;

    private final DigestWording wording;
    private final int minRespondents;
    private final Function<Collection<String>, Map<String, String>> ownerNames;

    @Inject
    ComposeDigest(MetricsSettings settings, OwnerNames ownerNames) {
        this(settings, ownerNames::of);
    }

    /** @param ownerNames display name by lower-case email for the owner emails given */
    ComposeDigest(MetricsSettings settings, Function<Collection<String>, Map<String, String>> ownerNames) {
        this.wording = new DigestWording(settings);
        this.minRespondents = settings.minRespondents();
        this.ownerNames = ownerNames;
    }

    /**
     * @param maxUnits the size of one part, e.g. {@link #SLACK_UNITS}
     * @param chartUrl where the chart image can be fetched, shown in the first part; null for none
     */
    public List<DigestMessage> compose(Scorecard scorecard, int maxUnits, @Nullable String chartUrl) {
        return compose(scorecard, maxUnits, Integer.MAX_VALUE, chartUrl);
    }

    /**
     * @param maxCharacters the text one part may hold, as {@link #size} counts it, e.g. {@link #SLACK_CHARACTERS};
     *                      a part always takes at least one programme heading and one workflow
     */
    public List<DigestMessage> compose(Scorecard scorecard, int maxUnits, int maxCharacters,
                                       @Nullable String chartUrl) {
        if (maxUnits < HEADING_UNITS + 1) {
            throw new IllegalArgumentException("a part needs room for a heading and a row, not " + maxUnits);
        }
        Map<String, String> names = ownerNames.apply(scorecard.programmes().stream()
                .flatMap(p -> p.workflows().stream()).map(WorkflowScore::ownerEmail).toList());
        List<List<DigestMessage.Programme>> parts = new ArrayList<>();
        List<DigestMessage.Programme> current = new ArrayList<>();
        int units = 0;
        int characters = 0;
        for (ProgrammeScore programme : scorecard.programmes()) {
            List<DigestMessage.Row> rows = programme.workflows().stream().map(w -> row(w, names, scorecard.soFar()))
                    .toList();
            String verdict = DigestWording.verdict(programme.verdict());
            List<String> reasons = StakeholderWording.reasons(programme, minRespondents);
            int next = 0;
            do {
                int heading = heading(programme.name(), verdict, reasons, next > 0);
                int first = next < rows.size() ? size(rows.get(next)) : 0;
                if (!current.isEmpty() && (units + HEADING_UNITS + Math.min(1, rows.size()) > maxUnits
                        || characters + heading + first > maxCharacters)) {
                    parts.add(current);
                    current = new ArrayList<>();
                    units = 0;
                    characters = 0;
                }
                units += HEADING_UNITS;
                characters += heading;
                int take = 0;
                while (next + take < rows.size() && units < maxUnits
                        && (take == 0 || characters + size(rows.get(next + take)) <= maxCharacters)) {
                    characters += size(rows.get(next + take));
                    units++;
                    take++;
                }
                current.add(new DigestMessage.Programme(programme.name(), verdict, reasons, next > 0,
                        rows.subList(next, next + take)));
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

    /**
     * The most text a workflow's row can take once rendered: each piece as long as the renderers let it be (a name
     * 300 characters, a figure 1,900, a flag 300), counting {@code & < >} as the five characters an escape may take.
     */
    static int size(DigestMessage.Row row) {
        int size = measure(row.name(), 300) + measure(row.verdict(), 100) + 10;
        for (DigestMessage.Fact fact : row.facts()) {
            size += measure(fact.label(), 100) + measure(fact.value(), 1900) + 4;
        }
        for (String flag : row.flags()) {
            size += measure(flag, 300) + 12;
        }
        return size;
    }

    /** The most text a programme's heading can take: its name and verdict, and its reasons unless continued. */
    static int heading(String name, String verdict, List<String> reasons, boolean continued) {
        return measure(name, 300) + measure(verdict, 100) + 20 + (continued ? 0
                : measure(String.join(" · ", reasons), 3000));
    }

    private static int measure(String text, int cut) {
        if (text == null) {
            return 0;
        }
        long markup = text.chars().filter(c -> c == '&' || c == '<' || c == '>').count();
        return (int) Math.min(cut, text.length() + 4 * markup);
    }

    private DigestMessage.Row row(WorkflowScore w, Map<String, String> names, boolean soFar) {
        String owner = w.ownerEmail() == null ? null : names.get(w.ownerEmail().trim().toLowerCase(Locale.ROOT));
        return new DigestMessage.Row(w.name(), DigestWording.verdict(w.verdict()), wording.facts(w, owner, soFar),
                wording.flags(w));
    }
}
