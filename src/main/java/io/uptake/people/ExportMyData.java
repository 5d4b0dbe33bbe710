package io.uptake.people;

import io.micronaut.transaction.annotation.Transactional;
import io.uptake.delivery.NewMessage;
import io.uptake.delivery.Outbox;
import io.uptake.message.MyData;
import io.uptake.platform.Platform;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Sends a person everything Uptake holds about them, in a private message through the outbox: their profile and
 * choices, chat identities, and what each feature holds (pulses sent, confidential answers with their own
 * comments, usage). Anonymous answers are not in it: nothing links them to anyone.
 */
@Singleton
public class ExportMyData {

    /** What became of a request. */
    public sealed interface Result {
        record Sent() implements Result {
        }

        record NotFound() implements Result {
        }
    }

    private final PersonRepository people;
    private final ChatIdentityRepository identities;
    private final List<PersonalDataPart> parts;
    private final Outbox outbox;
    private final Clock clock;

    ExportMyData(PersonRepository people, ChatIdentityRepository identities, List<PersonalDataPart> parts,
                 Outbox outbox, Clock clock) {
        this.people = people;
        this.identities = identities;
        this.parts = parts;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * @param via the platform the person asked on; the export goes to their identity there (else their first)
     */
    @Transactional
    public Result send(long personId, Platform via) {
        Optional<PersonRow> person = people.findById(personId).filter(p -> p.erasedAt() == null);
        List<ChatIdentityRow> mine = identities.findByPersonIdOrderById(personId);
        Optional<ChatIdentityRow> to = mine.stream()
                .min(Comparator.comparing((ChatIdentityRow i) -> i.platform() != via)
                        .thenComparing(ChatIdentityRow::id));
        if (person.isEmpty() || to.isEmpty()) {
            return new Result.NotFound();
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<MyData.Section> sections = sections(person.get(), mine);
        ChatIdentityRow identity = to.get();
        // One export per person a minute: a double-sent command sends one message.
        outbox.enqueue(new NewMessage("mydata:" + personId + ":" + now.truncatedTo(ChronoUnit.MINUTES),
                identity.platform(), identity.tenantId(),
                identity.directAddress(), personId, new MyData(sections), now, null, null, null));
        return new Result.Sent();
    }

    /**
     * Everything Uptake holds about the person with an email address, for an admin answering a request that came
     * by mail; empty when nobody has that address (an erased person has none).
     */
    @Transactional
    public Optional<List<MyData.Section>> byEmail(String email) {
        return people.findByEmail(email.trim().toLowerCase(Locale.ROOT)).filter(p -> p.erasedAt() == null)
                .map(p -> sections(p, identities.findByPersonIdOrderById(p.id())));
    }

    /** Everything Uptake holds about a person, for an admin's download; empty for nobody or an erased person. */
    @Transactional
    public Optional<List<MyData.Section>> byPerson(long personId) {
        return people.findById(personId).filter(p -> p.erasedAt() == null)
                .map(p -> sections(p, identities.findByPersonIdOrderById(p.id())));
    }

    private List<MyData.Section> sections(PersonRow person, List<ChatIdentityRow> mine) {
        List<MyData.Section> sections = new ArrayList<>();
        sections.add(profile(person));
        sections.add(new MyData.Section("Your chat accounts", mine.stream().map(i -> i.platform().code()
                + " · workspace " + i.tenantId() + " · user " + i.userId()
                + (i.displayName() == null ? "" : " · " + i.displayName())).toList()));
        parts.forEach(part -> sections.addAll(part.export(person.id())));
        return sections.stream().map(ExportMyData::orNone).toList();
    }

    private static MyData.Section profile(PersonRow p) {
        List<String> lines = new ArrayList<>();
        lines.add("Email: " + (p.email() == null ? "not known" : p.email()));
        lines.add("Name: " + (p.displayName() == null ? "not known" : p.displayName()));
        lines.add("Time zone: " + (p.timeZone() == null ? "not known" : p.timeZone()));
        lines.add("Opted out: " + (p.optedOutAt() == null ? "no" : "since " + p.optedOutAt()));
        lines.add("Paused: " + (p.pausedUntil() == null ? "no" : "until " + p.pausedUntil()));
        lines.add("Known to Uptake since " + p.createdAt());
        return new MyData.Section("You", lines);
    }

    private static MyData.Section orNone(MyData.Section section) {
        return section.lines().isEmpty() ? new MyData.Section(section.title(), List.of("None.")) : section;
    }
}
