package io.uptake.chat.teams;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MentionsTest {

    @Test
    void removesEveryNonOverlappingOccurrenceLeftToRight() {
        assertThat(Mentions.removeAll("<at>Bot</at> help <at>Bot</at>", "<at>Bot</at>")).isEqualTo(" help ");
        assertThat(Mentions.removeAll("aaaa", "aa")).isEmpty();
        assertThat(Mentions.removeAll("aaa", "aa")).isEqualTo("a");
        assertThat(Mentions.removeAll("abababc", "ababc")).isEqualTo("ab");
    }

    @Test
    void treatsTheMentionAsLiteralText() {
        assertThat(Mentions.removeAll("x.y(z+ q", ".y(z+")).isEqualTo("x q");
        assertThat(Mentions.removeAll("xyz", ".")).isEqualTo("xyz");
    }

    @Test
    void findsAMentionAfterLongNearMatches() {
        // A run of one letter ending in another: a naive search restarts at every character here.
        String mention = "a".repeat(19_000) + "b";
        String text = "a".repeat(20_000) + "b help";

        assertThat(Mentions.removeAll(text, mention)).isEqualTo("a".repeat(1_000) + " help");
    }

    @Test
    void leavesTextWithoutTheMentionAlone() {
        assertThat(Mentions.removeAll("help", "<at>Bot</at>")).isEqualTo("help");
        assertThat(Mentions.removeAll("help", "")).isEqualTo("help");
        assertThat(Mentions.removeAll("", "x")).isEmpty();
    }

    @Test
    void agreesWithAPlainReplaceOnManyStrings() {
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 2_000; i++) {
            String text = randomText(random, 30);
            String literal = randomText(random, 1 + random.nextInt(4));
            if (literal.isEmpty()) {
                continue;
            }
            assertThat(Mentions.removeAll(text, literal)).as("%s without %s", text, literal)
                    .isEqualTo(text.replace(literal, ""));
        }
    }

    private static String randomText(java.util.Random random, int max) {
        StringBuilder out = new StringBuilder();
        int length = random.nextInt(max + 1);
        for (int i = 0; i < length; i++) {
            out.append((char) ('a' + random.nextInt(2)));
        }
        return out.toString();
    }
}
