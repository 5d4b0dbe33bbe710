package io.uptake.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.uptake.delivery.SendResult;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class SlackOutcomesTest {

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "0", "-5", "soon", "Wed, 21 Oct 2026 07:28:00 GMT", "1.5"})
    void anUnreadableRetryAfterMeansOneSecond(String header) {
        assertThat(SlackOutcomes.retryAfter(header)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void retryAfterIsReadInSeconds() {
        assertThat(SlackOutcomes.retryAfter(" 12 ")).isEqualTo(Duration.ofSeconds(12));
    }

    @ParameterizedTest
    @CsvSource({"U123,true", "W123,true", "D123,true", "C123,false", "G123,false", "'',false"})
    void usersAndDirectMessagesArePeopleChannelsAreNot(String conversation, boolean person) {
        assertThat(SlackOutcomes.isPerson(conversation)).isEqualTo(person);
    }

    @Test
    void blocksHoldingTooMuchTextAreTheMessagesFaultAndNotRetried() {
        assertThat(SlackOutcomes.ofError("msg_blocks_too_long", null, true))
                .isEqualTo(new SendResult.Rejected("msg_blocks_too_long", false));
    }

    @Test
    void anErrorWithoutCodeIsRetried() {
        assertThat(SlackOutcomes.ofError(null, null, true)).isEqualTo(new SendResult.Failed("unknown_error"));
    }
}
