package io.uptake.scenario;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A generated organisation and a year of what its people do, the same for the same seed and size.
 *
 * <p>A pure value: nothing here talks to a database or a chat platform. The scenario suite drives the service
 * with it and checks every figure against an oracle computed from it alone; a demonstration database can be
 * seeded from it.
 *
 * @param programmes  the programmes, with sponsors, owners and stakeholders
 * @param digests     the {@code digests:} entries of every programmes file version
 * @param catalogues  the programmes file versions, the first in force from week 0
 * @param timeline    one plan per week, oldest first
 */
public record Scenario(long seed, Size size, LocalDate firstMonday, String organisation,
                       List<ScenarioPerson> people, List<ScenarioProgramme> programmes,
                       List<ScenarioWorkflow> workflows, List<ScenarioPulse> pulses, List<ScenarioDigest> digests,
                       List<Membership> memberships, List<CatalogueVersion> catalogues, List<WeekPlan> timeline) {

    /** The simulated year's length. */
    public static final int WEEKS = 52;

    public Scenario {
        people = List.copyOf(people);
        programmes = List.copyOf(programmes);
        workflows = List.copyOf(workflows);
        pulses = List.copyOf(pulses);
        digests = List.copyOf(digests);
        memberships = List.copyOf(memberships);
        catalogues = List.copyOf(catalogues);
        timeline = List.copyOf(timeline);
    }

    /** The scenario of this seed and size, its year starting on Monday 2026-01-05. */
    public static Scenario generate(long seed, Size size) {
        return new ScenarioGenerator(seed, size, ScenarioGenerator.FIRST_MONDAY).generate();
    }

    /**
     * The same organisation with its year starting on another Monday, as a demonstration shifts it to end now.
     * The draws are the seed's; what depends on the calendar (the weeks in which a quarter's outcome check-in is
     * logged) follows the dates.
     *
     * @throws IllegalArgumentException when {@code firstMonday} is not a Monday
     */
    public static Scenario generate(long seed, Size size, LocalDate firstMonday) {
        if (firstMonday.getDayOfWeek() != java.time.DayOfWeek.MONDAY) {
            throw new IllegalArgumentException("A scenario's year starts on a Monday, not on " + firstMonday);
        }
        return new ScenarioGenerator(seed, size, firstMonday).generate();
    }

    public Map<String, ScenarioPerson> peopleByEmail() {
        return people.stream().collect(Collectors.toMap(ScenarioPerson::email, Function.identity()));
    }

    public ScenarioProgramme programme(String id) {
        return programmes.stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    public ScenarioWorkflow workflow(String id) {
        return workflows.stream().filter(w -> w.id().equals(id)).findFirst().orElseThrow();
    }

    /**
     * What the owner of a workflow decides when its day-60 early warning reaches them: scale, fix or stop, by the
     * workflow's place in the file (the first scales, the second fixes, the third stops, and so on).
     */
    public String decisionOn(String workflowId) {
        List<String> choices = List.of("scale", "fix", "stop");
        return choices.get(workflows.indexOf(workflow(workflowId)) % choices.size());
    }

    /** The catalogue version in force during that week. */
    public CatalogueVersion catalogueAt(int week) {
        CatalogueVersion current = catalogues.get(0);
        for (CatalogueVersion v : catalogues) {
            if (v.fromWeek() <= week) {
                current = v;
            }
        }
        return current;
    }
}
