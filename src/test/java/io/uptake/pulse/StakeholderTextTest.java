package io.uptake.pulse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What would change a stakeholder's mind is shown without what could name or reach anyone. */
class StakeholderTextTest {

    @Test
    void emailsPhoneNumbersAndMentionsAreRemoved() {
        String text = "Ask jane.doe@example.com or call +44 20 7946 0958; <@U0123ABC> and @bo agree. ROI by Q2.";

        assertThat(StakeholderText.scrub(text)).isEqualTo("Ask [email removed] or call [phone removed]; "
                + "[mention removed] and [mention removed] agree. ROI by Q2.");
    }

    @Test
    void plainWordsAndNumbersStay() {
        assertThat(StakeholderText.scrub("A 20% cut in cycle time by 2027")).isEqualTo(
                "A 20% cut in cycle time by 2027");
    }
}
