package io.uptake.chat.teams;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.uptake.catalog.Pulse;
import io.uptake.catalog.Question;
import io.uptake.people.AudienceMemberRepository;
import io.uptake.people.AudienceMemberRow;
import io.uptake.people.ChatIdentityRepository;
import io.uptake.people.FindOrAddPerson;
import io.uptake.people.PersonRepository;
import io.uptake.platform.Platform;
import io.uptake.pulse.OpenRound;
import io.uptake.time.MutableClock;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A Teams team's roster as a workflow's audience: read page by page, paced, matched to people by email. */
@MicronautTest(transactional = false)
class TeamsRosterTest extends TeamsTestContext {

    static final String TENANT = "tenant-roster";

    @Inject
    ApplicationContext context;
    @Inject
    SyncTeamsRosters sync;
    @Inject
    AudienceMemberRepository members;
    @Inject
    ChatIdentityRepository identities;
    @Inject
    FindOrAddPerson findOrAdd;
    @Inject
    MutableClock clock;
    @Inject
    PersonRepository people;
    @Inject
    OpenRound openRound;

    @Test
    void theRosterBecomesTheAudienceAndEmailsFindThePeopleAlreadyNamed() {
        long ana = findOrAdd.byEmail("ana@example.com").orElseThrow().id();
        long audience = installedTeam("19:r1@thread.tacv2");
        connector.roster("19:r1@thread.tacv2", List.of(
                TeamsActivity.members(TeamsActivity.member("29:ana", "ana@example.com", "Ana"),
                        TeamsActivity.member("29:ben", "ben@example.com", "Ben")),
                TeamsActivity.members(TeamsActivity.member("29:cy", "cy@example.com", "Cy"))));
        Instant before = clock.instant();

        SyncTeamsRosters.Report report = sync.run();

        assertThat(report).isEqualTo(new SyncTeamsRosters.Report(1, 3, 3, 0, 0));
        assertThat(members.findByAudienceIdAndLeftAtIsNull(audience)).extracting(AudienceMemberRow::personId)
                .hasSize(3).contains(ana);
        assertThat(identities.findByPlatformAndTenantIdAndUserId(Platform.TEAMS, TENANT, "29:ana").orElseThrow())
                .satisfies(i -> {
                    assertThat(i.personId()).isEqualTo(ana);
                    assertThat(i.aadObjectId()).isEqualTo("aad-29:ana");
                });
        assertThat(connector.rosterReads()).hasSize(2)
                .allSatisfy(read -> assertThat(read.authorization())
                        .isEqualTo("Bearer " + StaticTokenCredentials.TOKEN));
        assertThat(Duration.between(before, clock.instant())).isGreaterThanOrEqualTo(RosterReader.PAGE_INTERVAL);
    }

    @Test
    void someoneWhoLeftTheTeamLeavesTheAudienceAndSomeoneBackRejoins() {
        long audience = installedTeam("19:r2@thread.tacv2");
        connector.roster("19:r2@thread.tacv2", List.of(TeamsActivity.members(
                TeamsActivity.member("29:dee", "dee@example.com", "Dee"),
                TeamsActivity.member("29:eli", "eli@example.com", "Eli"))));
        sync.run();
        connector.roster("19:r2@thread.tacv2", List.of(TeamsActivity.members(
                TeamsActivity.member("29:dee", "dee@example.com", "Dee"))));

        assertThat(sync.run()).isEqualTo(new SyncTeamsRosters.Report(1, 1, 0, 1, 0));
        assertThat(members.findByAudienceIdAndLeftAtIsNull(audience)).hasSize(1);

        connector.roster("19:r2@thread.tacv2", List.of(TeamsActivity.members(
                TeamsActivity.member("29:dee", "dee@example.com", "Dee"),
                TeamsActivity.member("29:eli", "eli@example.com", "Eli"))));

        assertThat(sync.run()).isEqualTo(new SyncTeamsRosters.Report(1, 2, 1, 0, 0));
        assertThat(members.findByAudienceIdAndLeftAtIsNull(audience)).hasSize(2);
        // Eli's first spell stays closed beside the new one, so the weeks between keep the audience they had.
        long eli = people.findByEmail("eli@example.com").orElseThrow().id();
        assertThat(members.findAll()).filteredOn(m -> m.audienceId() == audience && m.personId() == eli)
                .extracting(m -> m.leftAt() == null).containsExactlyInAnyOrder(false, true);
    }

    @Test
    void aTeamWithoutTheAppIsSkippedAndNotAsked() {
        TeamsWorld.declare(context, "roster-none", "19:never-installed@thread.tacv2", Pulse.Mode.CONFIDENTIAL,
                Question.TRUST);

        assertThat(sync.run()).isEqualTo(new SyncTeamsRosters.Report(0, 0, 0, 0, 1));
        assertThat(connector.rosterReads()).isEmpty();
    }

    @Test
    void aRosterThatCannotBeReadLeavesTheAudienceAsItWas() {
        long audience = installedTeam("19:r4@thread.tacv2");
        connector.roster("19:r4@thread.tacv2", List.of(TeamsActivity.members(
                TeamsActivity.member("29:fin", "fin@example.com", "Fin"))));
        sync.run();
        connector.reset();

        assertThat(sync.run()).isEqualTo(new SyncTeamsRosters.Report(0, 0, 0, 0, 1));
        assertThat(members.findByAudienceIdAndLeftAtIsNull(audience)).hasSize(1);
    }

    @Test
    void someoneWhoErasedThemselvesIsNotBroughtBackByTheNextRosterReadUntilTheyOptIn() {
        long audience = installedTeam("19:r5@thread.tacv2");
        connector.roster("19:r5@thread.tacv2", List.of(TeamsActivity.members(
                TeamsActivity.member("29:gus", "gus@example.com", "Gus"),
                TeamsActivity.member("29:hana", "hana@example.com", "Hana"))));
        sync.run();
        long gus = identities.findByPlatformAndTenantIdAndUserId(Platform.TEAMS, TENANT, "29:gus")
                .orElseThrow().personId();

        post(TeamsActivity.text(TENANT, "29:gus", "forget-me confirm"));
        long people = this.people.count();
        sync.run();
        Answer help = post(TeamsActivity.text(TENANT, "29:gus", "help"));
        var opened = (OpenRound.Result.Opened) openRound.now("roster-r5");

        assertThat(this.people.findById(gus).orElseThrow().erasedAt()).isNotNull();
        assertThat(identities.findByPlatformAndTenantIdAndUserId(Platform.TEAMS, TENANT, "29:gus")).isEmpty();
        assertThat(this.people.findByEmail("gus@example.com")).isEmpty();
        assertThat(this.people.count()).as("nobody created again").isEqualTo(people);
        assertThat(members.findByAudienceIdAndLeftAtIsNull(audience)).singleElement()
                .satisfies(m -> assertThat(m.personId()).isNotEqualTo(gus));
        assertThat(help.status()).isLessThan(300);
        assertThat(opened.recipients()).as("only Hana is asked").isEqualTo(1);

        post(TeamsActivity.text(TENANT, "29:gus", "optin"));
        sync.run();

        assertThat(identities.findByPlatformAndTenantIdAndUserId(Platform.TEAMS, TENANT, "29:gus")).isPresent();
        assertThat(members.findByAudienceIdAndLeftAtIsNull(audience)).hasSize(2);
    }

    private long installedTeam(String teamId) {
        long audience = TeamsWorld.declare(context, "roster-" + teamId.substring(3, 5), teamId,
                Pulse.Mode.CONFIDENTIAL, Question.TRUST);
        assertThat(post(TeamsActivity.botAddedToTeam(TENANT, teamId, "29:owner")).status()).isEqualTo(202);
        return audience;
    }
}
