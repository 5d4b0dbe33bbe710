package io.uptake.pulse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What the scrubber removes from a comment before others may read it, and what it leaves. */
class ScrubCommentTest {

    final ScrubComment scrub = new ScrubComment(List.of("Jane Doe", "Will Mark", "José Álvarez-Núñez", "Bo"));

    @Test
    void aKnownPersonsWholeNameGoesInAnyCaseAndWithAPossessive() {
        assertThat(scrub.scrub("Jane Doe said so; jane doe agrees; Jane Doe's team too"))
                .isEqualTo("[name] said so; [name] agrees; [name]'s team too");
    }

    @Test
    void onePartOfANameGoesWhereItIsCapitalisedAndOrdinaryWordsStay() {
        assertThat(scrub.scrub("Will thinks it will do; ask Doe. Mark my words"))
                .isEqualTo("[name] thinks it will do; ask [name]. [name] my words");
    }

    @Test
    void accentedAndHyphenatedNamesGo() {
        assertThat(scrub.scrub("Thanks to josé álvarez-núñez and Álvarez-Núñez"))
                .isEqualTo("Thanks to [name] and [name]");
    }

    @Test
    void namesInsideOtherWordsStay() {
        assertThat(scrub.scrub("Bob, Boston and Doesn't stay")).isEqualTo("Bob, Boston and Doesn't stay");
    }

    @Test
    void emailAddressesGoWholeIncludingPlusTagsAndSubdomains() {
        assertThat(scrub.scrub("mail a.b+claims@mail.example.co.uk or <mailto:x@y.io|x@y.io>"))
                .isEqualTo("mail [email] or <mailto:[email]|[email]>");
    }

    @Test
    void phoneNumbersGoButDatesDurationsAndSmallNumbersStay() {
        assertThat(scrub.scrub("call +44 (0)20 7946-0958 or 555.123.4567 or 07700900123"))
                .isEqualTo("call [phone] or [phone] or [phone]");
        assertThat(scrub.scrub("since 2026-11-24, 10-20 min, 3 of 12 cases, version 4.2.1, 24/11/2026"))
                .isEqualTo("since 2026-11-24, 10-20 min, 3 of 12 cases, version 4.2.1, 24/11/2026");
    }

    @Test
    void slackTeamsAndPlainMentionsGo() {
        assertThat(scrub.scrub("<@U123ABC> and <@U9|jane> with <!here>, <!channel>, <!subteam^S1|@ops>"))
                .isEqualTo("[mention] and [mention] with [mention], [mention], [mention]");
        assertThat(scrub.scrub("<at>Jane Doe</at> please, and @ana.b too"))
                .isEqualTo("[mention] please, and [mention] too");
    }

    @Test
    void anAtSignInsideAWordIsNotAMention() {
        assertThat(scrub.scrub("costs 5@10 each")).isEqualTo("costs 5@10 each");
    }

    @Test
    void aCommentWithNothingIdentifyingIsUnchanged() {
        String text = "The drafts are good but the tone is off for older customers.\nMore training please!";
        assertThat(scrub.scrub(text)).isEqualTo(text);
    }
}
