package io.uptake.chat.teams;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.uptake.people.ChatIdentityRepository;
import io.uptake.people.ChatIdentityRow;
import io.uptake.people.FindOrAddPerson;
import io.uptake.people.PersonRepository;
import io.uptake.people.PersonRow;
import io.uptake.platform.Platform;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** Installs and conversation updates: references captured and stored, people linked, removals recorded. */
@MicronautTest(transactional = false)
class TeamsInstallTest extends TeamsTestContext {

    @Inject
    TeamsInstallations installations;
    @Inject
    ChatIdentityRepository identities;
    @Inject
    PersonRepository people;
    @Inject
    FindOrAddPerson findOrAdd;

    @Test
    void aPersonalInstallStoresTheChatAndLinksThePersonNamedByEmail() {
        PersonRow ana = findOrAdd.byEmail("ana@example.com").orElseThrow();
        connector.member("29:ana", TeamsActivity.member("29:ana", "Ana@Example.com", "Ana Ortiz"));

        assertThat(post(TeamsActivity.installation("add", "tenant-i1", "29:ana")).status()).isEqualTo(202);

        TeamsInstallationRow row = installations.findByTenantIdAndConversationId("tenant-i1", "a:chat-29:ana")
                .orElseThrow();
        assertThat(row.scope()).isEqualTo("personal");
        assertThat(row.serviceUrl()).isEqualTo(connector.url());
        ChatIdentityRow identity = identities.findByPlatformAndTenantIdAndUserId(Platform.TEAMS, "tenant-i1", "29:ana")
                .orElseThrow();
        assertThat(identity.personId()).isEqualTo(ana.id());
        assertThat(identity.aadObjectId()).isEqualTo("aad-29:ana");
        assertThat(ConversationRefs.read(identity.conversationRef())).hasValueSatisfying(ref -> {
            assertThat(ref.getServiceUrl()).isEqualTo(connector.url());
            assertThat(ref.getConversation().getId()).isEqualTo("a:chat-29:ana");
            assertThat(ref.getConversation().getTenantId()).isEqualTo("tenant-i1");
        });
        PersonRow linked = people.findById(ana.id()).orElseThrow();
        assertThat(linked.timeZone()).isEqualTo("Europe/Madrid");
        assertThat(linked.locale()).isEqualTo("en-GB");
    }

    @Test
    void theBotAddedToAPersonalChatIsCapturedLikeAnInstall() {
        assertThat(post(TeamsActivity.personalChatStarted("tenant-i2", "29:ben")).status()).isEqualTo(202);

        assertThat(installations.findByTenantIdAndConversationId("tenant-i2", "a:chat-29:ben")).isPresent();
        assertThat(identities.findByPlatformAndTenantIdAndUserId(Platform.TEAMS, "tenant-i2", "29:ben")).isPresent();
    }

    @Test
    void theBotAddedToATeamStoresTheTeamAndLaterItsChannels() {
        post(TeamsActivity.botAddedToTeam("tenant-i3", "19:team-i3@thread.tacv2", "29:owner"));
        post(TeamsActivity.channelCreated("tenant-i3", "19:team-i3@thread.tacv2", "19:design@thread.tacv2",
                "29:owner"));

        TeamsInstallationRow general = installations
                .findByTenantIdAndConversationId("tenant-i3", "19:team-i3@thread.tacv2").orElseThrow();
        assertThat(general.scope()).isEqualTo("team");
        assertThat(general.teamId()).isEqualTo("19:team-i3@thread.tacv2");
        TeamsInstallationRow channel = installations
                .findByTenantIdAndConversationId("tenant-i3", "19:design@thread.tacv2").orElseThrow();
        assertThat(channel.teamId()).isEqualTo("19:team-i3@thread.tacv2");
        assertThat(ConversationRefs.read(channel.conversationRef()).orElseThrow().getConversation()
                .getConversationType()).isEqualTo("channel");
    }

    @Test
    void removingTheBotFromATeamClosesAllItsConversations() {
        post(TeamsActivity.botAddedToTeam("tenant-i4", "19:team-i4@thread.tacv2", "29:owner"));
        post(TeamsActivity.channelCreated("tenant-i4", "19:team-i4@thread.tacv2", "19:ops@thread.tacv2", "29:owner"));

        post(TeamsActivity.botRemovedFromTeam("tenant-i4", "19:team-i4@thread.tacv2", "29:owner"));

        assertThat(installations.findByTeamIdOrderByIdDesc("19:team-i4@thread.tacv2")).hasSize(2)
                .allSatisfy(row -> assertThat(row.uninstalledAt()).isNotNull());
    }

    @Test
    void removingThePersonalAppMarksThePersonUnreachableAndReinstallingUndoesIt() {
        post(TeamsActivity.installation("add", "tenant-i5", "29:cy"));
        long person = identities.findByPlatformAndTenantIdAndUserId(Platform.TEAMS, "tenant-i5", "29:cy").orElseThrow()
                .personId();

        post(TeamsActivity.installation("remove", "tenant-i5", "29:cy"));

        assertThat(people.findById(person).orElseThrow().unreachableAt()).isNotNull();
        assertThat(installations.findByTenantIdAndConversationId("tenant-i5", "a:chat-29:cy").orElseThrow()
                .uninstalledAt()).isNotNull();

        post(TeamsActivity.installation("add", "tenant-i5", "29:cy"));

        assertThat(people.findById(person).orElseThrow().unreachableAt()).isNull();
        assertThat(installations.findByTenantIdAndConversationId("tenant-i5", "a:chat-29:cy").orElseThrow()
                .uninstalledAt()).isNull();
    }
}
