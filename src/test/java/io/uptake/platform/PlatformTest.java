package io.uptake.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PlatformTest {

    private final PlatformConverter converter = new PlatformConverter();

    @Test
    void eachPlatformIsWrittenAsItsLowerCaseCode() {
        assertThat(Platform.SLACK.code()).isEqualTo("slack");
        assertThat(Platform.TEAMS.code()).isEqualTo("teams");
    }

    @Test
    void aCodeReadsBackAsItsPlatformInAnyCase() {
        assertThat(Platform.fromCode("slack")).isEqualTo(Platform.SLACK);
        assertThat(Platform.fromCode("Teams")).isEqualTo(Platform.TEAMS);
    }

    @Test
    void anUnknownCodeIsRefusedByName() {
        assertThatThrownBy(() -> Platform.fromCode("discord")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'discord'").hasMessageContaining("slack or teams");
        assertThatThrownBy(() -> Platform.fromCode(null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Platform.find("SLACK ")).isEmpty();
    }

    @Test
    void theDatabaseHoldsTheCodeUnchanged() {
        assertThat(converter.convertToPersistedValue(Platform.SLACK, null)).isEqualTo("slack");
        assertThat(converter.convertToPersistedValue(Platform.TEAMS, null)).isEqualTo("teams");
        assertThat(converter.convertToEntityValue("teams", null)).isEqualTo(Platform.TEAMS);
        assertThatThrownBy(() -> converter.convertToEntityValue("irc", null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
