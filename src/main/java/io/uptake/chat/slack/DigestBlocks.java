package io.uptake.chat.slack;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.uptake.digest.ComposeDigest;
import io.uptake.message.DigestMessage;
import java.util.List;

/**
 * Renders a digest part as Block Kit: a header, the week, per programme its verdict and reasons, per workflow a
 * section whose fields are the worded figures. One block per unit the composer counted plus three of its own,
 * so a part stays within Slack's 50 blocks; every text is escaped and cut to its field's limit.
 */
final class DigestBlocks {

    static final int MAX_FIELD = 2000;
    static final int MAX_FIELDS = 10;
    private static final int MAX_NAME = 300;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private DigestBlocks() {
    }

    static ArrayNode render(DigestMessage digest) {
        ArrayNode blocks = Blocks.array();
        blocks.add(Blocks.header(digest.parts() > 1 ? digest.title() + " (" + digest.part() + "/" + digest.parts()
                + ")" : digest.title()));
        blocks.add(Blocks.context(digest.period() + ", " + SlackText.mrkdwn(digest.week(), 20)
                + ". Figures resting on too few answers are hidden, never estimated."));
        if (digest.programmes().isEmpty()) {
            blocks.add(Blocks.section("No active programmes this week."));
        }
        for (DigestMessage.Programme programme : digest.programmes()) {
            String name = SlackText.mrkdwn(programme.name(), MAX_NAME);
            if (programme.continued()) {
                blocks.add(Blocks.section("*" + name + "* (continued)"));
            } else {
                blocks.add(Blocks.section("*" + name + "*: " + SlackText.mrkdwn(programme.verdict(), 100)));
                if (!programme.reasons().isEmpty()) {
                    blocks.add(Blocks.context(SlackText.mrkdwn(String.join(" · ", programme.reasons()),
                            Blocks.MAX_TEXT)));
                }
            }
            programme.workflows().forEach(row -> blocks.add(row(row)));
        }
        if (digest.part() == digest.parts()) {
            // The legend shares the closing block, so a part full to Slack's block limit still fits. Nothing here
            // speaks of the chart: it is uploaded as a message of its own, which says what it is only once it is
            // there (SlackChartUpload), so a failed upload leaves no promise of a chart behind.
            ObjectNode closing = Blocks.context(DigestMessage.LEGEND);
            if (digest.parts() > 1) {
                ((ArrayNode) closing.get("elements")).insert(0, Blocks.context("End of digest.").get("elements")
                        .get(0));
            }
            blocks.add(closing);
        }
        if (blocks.size() > Blocks.MAX_BLOCKS) {
            throw new IllegalArgumentException("a digest part of " + blocks.size() + " blocks: compose parts of at"
                    + " most " + ComposeDigest.SLACK_UNITS + " units");
        }
        return blocks;
    }

    private static ObjectNode row(DigestMessage.Row row) {
        StringBuilder text = new StringBuilder("*").append(SlackText.mrkdwn(row.name(), MAX_NAME)).append("* · ")
                .append(SlackText.mrkdwn(row.verdict(), 100));
        row.flags().forEach(flag -> text.append("\n:warning: ").append(SlackText.mrkdwn(flag, 300)));
        ObjectNode section = Blocks.section(SlackText.cut(text.toString(), Blocks.MAX_TEXT));
        ArrayNode fields = section.putArray("fields");
        List<DigestMessage.Fact> facts = row.facts();
        // A section holds at most ten fields: past that, the last field carries the remaining facts one under another.
        int own = facts.size() > MAX_FIELDS ? MAX_FIELDS - 1 : facts.size();
        facts.subList(0, own).forEach(fact -> fields.add(JSON.objectNode().put("type", "mrkdwn")
                .put("text", field(fact, MAX_FIELD - 110))));
        if (own < facts.size()) {
            List<DigestMessage.Fact> rest = facts.subList(own, facts.size());
            int each = (MAX_FIELD - 110) / rest.size();
            fields.add(JSON.objectNode().put("type", "mrkdwn").put("text", SlackText.cut(String.join("\n",
                    rest.stream().map(fact -> field(fact, Math.max(100, each - 110))).toList()), MAX_FIELD)));
        }
        return section;
    }

    private static String field(DigestMessage.Fact fact, int valueLimit) {
        return "*" + SlackText.mrkdwn(fact.label(), 100) + "*\n" + SlackText.mrkdwn(fact.value(), valueLimit);
    }
}
