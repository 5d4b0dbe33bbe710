package io.uptake.pulse;

import io.micronaut.context.ApplicationContext;
import io.uptake.catalog.Audience;
import io.uptake.catalog.Catalog;
import io.uptake.catalog.CheckinPolicy;
import io.uptake.catalog.Programme;
import io.uptake.catalog.Pulse;
import io.uptake.catalog.Question;
import io.uptake.catalog.Schedule;
import io.uptake.catalog.Stage;
import io.uptake.catalog.SyncCatalog;
import io.uptake.catalog.Workflow;
import io.uptake.people.ChatIdentityRepository;
import io.uptake.people.ChatIdentityRow;
import io.uptake.people.FindOrAddPerson;
import io.uptake.people.PersonRepository;
import io.uptake.people.PersonRow;
import io.uptake.platform.Platform;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/** Sets up a workflow with an email audience, its pulse, and people reachable on Slack, for pulse tests. */
public final class PulseWorld {

    public static final String PULSE = "claims-weekly";
    static final String TENANT = "T0TEAM";

    private final ApplicationContext context;
    private final Map<String, String> people = new LinkedHashMap<>();
    private Pulse.Mode mode = Pulse.Mode.CONFIDENTIAL;
    private int reminders = 1;
    private List<Question> questions = List.of(Question.USAGE, Question.TRUST);
    private Optional<java.net.URI> play = Optional.empty();

    private PulseWorld(ApplicationContext context) {
        this.context = context;
    }

    public static PulseWorld in(ApplicationContext context) {
        return new PulseWorld(context);
    }

    /** A person by email, living in a zone. */
    public PulseWorld person(String email, String zone) {
        people.put(email, zone);
        return this;
    }

    /** The workflow's play, the link nudges send. */
    public PulseWorld play(String url) {
        play = Optional.of(java.net.URI.create(url));
        return this;
    }

    public PulseWorld anonymous() {
        mode = Pulse.Mode.ANONYMOUS;
        return this;
    }

    PulseWorld reminders(int count) {
        reminders = count;
        return this;
    }

    public PulseWorld questions(Question... asked) {
        questions = List.of(asked);
        return this;
    }

    /** Declares the catalogue and adds each person with a Slack identity; returns person ids by email. */
    public Map<String, Long> build() {
        Workflow workflow = new Workflow("claims-triage", "claims-ai", "Claims triage", Stage.PILOT,
                Optional.of(LocalDate.parse("2026-01-05")), "owner@example.com",
                new Audience.Emails(new ArrayList<>(people.keySet())), people.size(), play,
                Optional.empty(), Optional.empty());
        Pulse pulse = new Pulse(PULSE, workflow.id(), new Schedule(Set.of(DayOfWeek.TUESDAY), LocalTime.of(10, 0),
                Optional.empty()), questions, mode, Duration.ofHours(24), reminders, Duration.ofHours(72));
        context.getBean(SyncCatalog.class).sync(new Catalog(List.of(new Programme("claims-ai", "Claims AI",
                "cfo@example.com", List.of(workflow))), List.of(pulse), CheckinPolicy.DEFAULT, List.of()));
        Map<String, Long> ids = new LinkedHashMap<>();
        int n = 0;
        for (Map.Entry<String, String> p : people.entrySet()) {
            ids.put(p.getKey(), addSlackPerson(p.getKey(), p.getValue(), "U" + (++n)));
        }
        return ids;
    }

    private long addSlackPerson(String email, String zone, String userId) {
        PersonRow person = context.getBean(FindOrAddPerson.class).byEmail(email).orElseThrow();
        update(person, p -> new PersonRow(p.id(), p.email(), p.displayName(), zone, p.locale(), p.optedOutAt(),
                p.pausedUntil(), p.unreachableAt(), p.unreachableReason(), p.erasedAt(), p.createdAt(), p.updatedAt()));
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        ChatIdentityRepository identities = context.getBean(ChatIdentityRepository.class);
        if (identities.findByPlatformAndTenantIdAndUserId(Platform.SLACK, TENANT, userId).isPresent()) {
            return person.id();
        }
        identities.save(new ChatIdentityRow(null, person.id(), Platform.SLACK, TENANT,
                userId, null, null, null, now, now));
        return person.id();
    }

    /** Changes a stored person, e.g. to opt them out. */
    void update(PersonRow person, UnaryOperator<PersonRow> change) {
        PersonRepository repo = context.getBean(PersonRepository.class);
        repo.update(change.apply(repo.findById(person.id()).orElseThrow()));
    }

    void update(long personId, UnaryOperator<PersonRow> change) {
        PersonRepository repo = context.getBean(PersonRepository.class);
        repo.update(change.apply(repo.findById(personId).orElseThrow()));
    }
}
