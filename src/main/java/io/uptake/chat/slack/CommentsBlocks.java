package io.uptake.chat.slack;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.uptake.message.CommentsShared;

/**
 * Lays out the comments of a closed round for its owner or sponsor: a header, the lead, then one section per
 * blocker with its comments as bullets. What does not fit Slack's limits (50 blocks, 3,000 characters a section,
 * about 9,000 in all) is left out, and the last line says how many comments that was and where to read them all.
 */
final class CommentsBlocks {

    /** The longest comment shown whole; longer ones end in an ellipsis. */
    static final int MAX_COMMENT = 700;
    /** Room kept for the closing lines. */
    private static final int TAIL_TEXT = 600;
    private static final int TAIL_BLOCKS = 2;
    /** The longest dashboard address linked; a longer one is named, not linked, so it is never cut. */
    private static final int MAX_LINK = 400;

    private CommentsBlocks() {
    }

    static ArrayNode render(CommentsShared shared) {
        ArrayNode blocks = Blocks.array();
        blocks.add(Blocks.header(SlackText.plainLine(shared.heading(), Blocks.MAX_HEADER)));
        blocks.add(Blocks.context(SlackText.mrkdwn(shared.lead(), 1000)));
        int left = 0;
        for (CommentsShared.Group group : shared.groups()) {
            StringBuilder text = new StringBuilder("*").append(SlackText.mrkdwn(group.blocker(), 100)).append("* (")
                    .append(group.comments().size()).append(")");
            int shown = 0;
            for (String comment : group.comments()) {
                String line = "\n• " + SlackText.mrkdwn(comment.strip().replaceAll("\\s+", " "), MAX_COMMENT);
                boolean fits = text.length() + line.length() <= Blocks.MAX_TEXT
                        && Blocks.textLength(blocks) + text.length() + line.length()
                        <= Blocks.MAX_MESSAGE_TEXT - TAIL_TEXT
                        && blocks.size() < Blocks.MAX_BLOCKS - TAIL_BLOCKS;
                if (!fits) {
                    break;
                }
                text.append(line);
                shown++;
            }
            left += group.comments().size() - shown;
            if (shown > 0) {
                blocks.add(Blocks.section(text.toString()));
            }
        }
        String link = shared.pageUrl() == null ? null : SlackText.escape(shared.pageUrl()).replace("|", "%7C");
        if (link != null && link.length() > MAX_LINK) {
            link = null;
        }
        if (left > 0) {
            String where = link == null ? "on the workflow's comments page in Uptake"
                    : "on <" + link + "|the workflow's comments page>";
            blocks.add(Blocks.context(left + (left == 1 ? " more comment does" : " more comments do")
                    + " not fit in this message: read them all " + where + "."));
        } else if (link != null) {
            blocks.add(Blocks.context("Also on <" + link + "|the workflow's comments page>."));
        }
        return blocks;
    }
}
