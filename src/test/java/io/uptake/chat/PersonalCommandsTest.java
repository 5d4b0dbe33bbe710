package io.uptake.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.uptake.people.LinkIdentity;
import io.uptake.people.PersonRepository;
import io.uptake.people.PersonRow;
import io.uptake.platform.Platform;
import io.uptake.time.MutableClock;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false, rebuildContext = true)
class PersonalCommandsTest {

    @Inject
    PersonalCommands commands;
    @Inject
    LinkIdentity link;
    @Inject
    PersonRepository people;
    @Inject
    MutableClock clock;

    long person() {
        return link.link(new LinkIdentity.ChatUser(Platform.SLACK, "T1", "U1", "Ana@Example.com", "Ana", "Europe/Paris",
                "fr-FR", null, null)).orElseThrow();
    }

    @Test
    void pauseSetsAnEndAndResumeClearsIt() {
        long id = person();

        String reply = commands.run(id, "pause 3d");

        assertThat(reply).startsWith("Paused until");
        assertThat(stored(id).pausedUntil()).isEqualTo(clock.instant().plus(Duration.ofDays(3)));
        commands.run(id, "resume");
        assertThat(stored(id).pausedUntil()).isNull();
    }

    @Test
    void aPauseIsCappedAtNinetyDays() {
        long id = person();

        commands.run(id, "pause 52w");

        assertThat(stored(id).pausedUntil()).isEqualTo(clock.instant().plus(Duration.ofDays(90)));
    }

    @Test
    void optOutAndOptInToggle() {
        long id = person();

        commands.run(id, "optout");
        assertThat(stored(id).optedOutAt()).isNotNull();
        commands.run(id, "optin");
        assertThat(stored(id).optedOutAt()).isNull();
    }

    @Test
    void unknownWordsAndBadDurationsGetHelpNotChanges() {
        long id = person();

        assertThat(commands.run(id, "dance")).contains("I don't know `dance`", "`pause [2w]`");
        assertThat(commands.run(id, "pause forever")).contains("pause 3d");
        assertThat(stored(id).pausedUntil()).isNull();
    }

    @Test
    void theSameHumanOnTwoPlatformsIsOnePersonMatchedByEmail() {
        long slack = person();

        long teams = link.link(new LinkIdentity.ChatUser(Platform.TEAMS, "tenant-1", "29:abc", "ana@example.com",
                null, null,
                null, "aad-1", "{}")).orElseThrow();

        assertThat(teams).isEqualTo(slack);
        assertThat(stored(slack).email()).isEqualTo("ana@example.com");
        assertThat(stored(slack).timeZone()).isEqualTo("Europe/Paris");
    }

    private PersonRow stored(long id) {
        return people.findById(id).orElseThrow();
    }
}
