package io.uptake.people;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.uptake.platform.Platform;
import io.uptake.time.MutableClock;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/** Linking a chat user writes their identity only when what the platform says about them changed. */
@MicronautTest(transactional = false, rebuildContext = true)
class LinkIdentityTest {

    @Inject
    LinkIdentity link;
    @Inject
    ChatIdentityRepository identities;
    @Inject
    MutableClock clock;

    private static LinkIdentity.ChatUser slackUser(String name) {
        return new LinkIdentity.ChatUser(Platform.SLACK, "T0LINK", "U0LINK", "kim@example.com", name, "Europe/London",
                "en-GB", null, null);
    }

    private ChatIdentityRow identity() {
        return identities.findByPlatformAndTenantIdAndUserId(Platform.SLACK, "T0LINK", "U0LINK").orElseThrow();
    }

    @Test
    void aUserSeenAgainUnchangedIsNotWrittenAgain() {
        link.link(slackUser("Kim Ortiz"));
        Instant first = identity().updatedAt();

        clock.set(clock.instant().plus(Duration.ofDays(1)));
        link.link(slackUser("Kim Ortiz"));

        assertThat(identity().updatedAt()).isEqualTo(first);
    }

    @Test
    void aUserWhoseNameChangedIsWrittenWithTheTimeOfTheChange() {
        link.link(slackUser("Kim Ortiz"));
        Instant later = clock.instant().plus(Duration.ofDays(1));
        clock.set(later);

        link.link(slackUser("Kim Ortiz-Sato"));

        assertThat(identity().displayName()).isEqualTo("Kim Ortiz-Sato");
        assertThat(identity().updatedAt()).isEqualTo(later.truncatedTo(ChronoUnit.MILLIS));
    }
}
