package io.uptake.checkin;

import io.micronaut.context.ApplicationContext;
import io.uptake.catalog.Audience;
import io.uptake.catalog.Catalog;
import io.uptake.catalog.CheckinPolicy;
import io.uptake.catalog.Outcome;
import io.uptake.catalog.Programme;
import io.uptake.catalog.Quarter;
import io.uptake.catalog.Stage;
import io.uptake.catalog.SyncCatalog;
import io.uptake.catalog.Workflow;
import io.uptake.people.LinkIdentity;
import io.uptake.platform.Platform;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Declares a programme (sponsor {@code cfo@example.com}) whose workflows have outcomes, and links owners and the
 * sponsor to chat identities, for check-in tests.
 */
public final class CheckinWorld {

    public static final String SPONSOR = "cfo@example.com";

    private final ApplicationContext context;
    private final List<Workflow> workflows = new ArrayList<>();
    private CheckinPolicy policy = CheckinPolicy.DEFAULT;

    private CheckinWorld(ApplicationContext context) {
        this.context = context;
    }

    public static CheckinWorld in(ApplicationContext context) {
        return new CheckinWorld(context);
    }

    /** A pilot workflow with an outcome (claims per FTE, 120 → 150 by 2027-Q1) owned by {@code owner}. */
    public CheckinWorld workflow(String id, String owner) {
        workflows.add(new Workflow(id, "claims-ai", "Workflow " + id, Stage.PILOT,
                Optional.of(LocalDate.parse("2026-09-01")), owner, new Audience.Emails(List.of(owner)), 10,
                Optional.empty(), Optional.of(new Outcome("Claims closed per FTE per week", "claims",
                Outcome.Direction.UP, new BigDecimal("120"), new BigDecimal("150"), new Quarter(2027, 1))),
                Optional.empty()));
        return this;
    }

    /** A workflow without an outcome. */
    public CheckinWorld workflowWithoutOutcome(String id, String owner) {
        workflows.add(new Workflow(id, "claims-ai", "Workflow " + id, Stage.PILOT, Optional.empty(), owner,
                new Audience.Emails(List.of(owner)), 10, Optional.empty(), Optional.empty(), Optional.empty()));
        return this;
    }

    public CheckinWorld policy(CheckinPolicy policy) {
        this.policy = policy;
        return this;
    }

    /** Syncs the catalogue (replacing any other). */
    public CheckinWorld declare() {
        context.getBean(SyncCatalog.class).sync(new Catalog(List.of(new Programme("claims-ai", "Claims AI", SPONSOR,
                workflows)), List.of(), policy, List.of()));
        return this;
    }

    /** Links a person, found by email, to a Slack user in a zone; returns the person id. */
    public long slackUser(String email, String userId, String name, String zone) {
        return slackUser(email, userId, name, zone, "en-GB");
    }

    /** Links a person, found by email, to a Slack user in a zone whose profile has a locale (or none). */
    public long slackUser(String email, String userId, String name, String zone, String locale) {
        return context.getBean(LinkIdentity.class).link(new LinkIdentity.ChatUser(Platform.SLACK, "T0TEAM", userId,
                email,
                name, zone, locale, null, null)).orElseThrow();
    }
}
