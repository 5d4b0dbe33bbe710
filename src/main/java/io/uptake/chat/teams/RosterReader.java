package io.uptake.chat.teams;

import com.microsoft.bot.schema.PagedMembersResult;
import com.microsoft.bot.schema.teams.TeamsChannelAccount;
import com.microsoft.bot.schema.teams.TeamsPagedMembersResult;
import io.micronaut.context.annotation.Requires;
import io.uptake.delivery.Sleeper;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a team's members page by page from the Bot Connector ({@code GET /v3/conversations/{team}/pagedmembers}),
 * one page at a time at a steady pace, and links each member to a person (matched by email).
 */
@Singleton
@Requires(condition = TeamsOn.class)
class RosterReader {

    /** Between two page requests; a large tenant's daily sync stays a trickle next to the pulses. */
    static final Duration PAGE_INTERVAL = Duration.ofMillis(500);
    /** A guard against a connector that never stops giving continuation tokens. */
    static final int MAX_PAGES = 2000;

    private final PagedMembers pages;
    private final TeamsPeople people;
    private final Sleeper sleeper;
    private final Clock clock;
    private Instant nextRequest = Instant.MIN;

    RosterReader(PagedMembers pages, TeamsPeople people, Sleeper sleeper, Clock clock) {
        this.pages = pages;
        this.people = people;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    /** The people in the team now. */
    synchronized Set<Long> members(TeamsInstallationRow team) throws InterruptedException {
        Set<Long> ids = new LinkedHashSet<>();
        String token = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            pace();
            PagedMembersResult result = pages.page(team.serviceUrl(), team.teamId(), token);
            if (result.getMembers() == null) {
                result.setMembers(List.of());
            }
            TeamsPagedMembersResult members = new TeamsPagedMembersResult(result);
            for (TeamsChannelAccount member : members.getMembers()) {
                if (!Activities.blank(member.getId())) {
                    people.linkMember(team.tenantId(), member.getId(), Members.email(member),
                            member.getName(), Members.aadObjectId(member)).ifPresent(ids::add);
                }
            }
            token = members.getContinuationToken();
            if (Activities.blank(token)) {
                break;
            }
        }
        return ids;
    }

    private void pace() throws InterruptedException {
        Instant now = clock.instant();
        if (nextRequest.isAfter(now)) {
            sleeper.sleepUntil(nextRequest);
            now = nextRequest;
        }
        nextRequest = now.plus(PAGE_INTERVAL);
    }
}
