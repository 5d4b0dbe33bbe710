package io.uptake.scenario;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Something that happens in a simulated week, in the order a week's plan lists them. */
public sealed interface ScenarioEvent {

    /** How telemetry reaches the service: posted as a JSON or CSV file, or pulled from GitHub Copilot. */
    enum Feed { JSON, CSV, GITHUB }

    /** The programmes file changes to catalogue version {@code version} and is reloaded. */
    record Reloaded(int version) implements ScenarioEvent {
    }

    /** Someone joins a Slack channel, user group or Teams team (emails audiences change by reload). */
    record Joined(String email, String workflowId) implements ScenarioEvent {
    }

    /** Someone leaves a Slack channel, user group or Teams team. */
    record Left(String email, String workflowId) implements ScenarioEvent {
    }

    record OptedOut(String email) implements ScenarioEvent {
    }

    record OptedIn(String email) implements ScenarioEvent {
    }

    /** Pauses pulses for {@code days} days from the moment it is asked. */
    record Paused(String email, int days) implements ScenarioEvent {
    }

    /** Asks for erasure and confirms it. */
    record Erased(String email) implements ScenarioEvent {
    }

    /** One telemetry row. */
    record Used(String workflowId, String email, LocalDate day, int count, Feed feed) implements ScenarioEvent {
    }

    /**
     * One click on a pulse question of the week's round.
     *
     * @param value the stored value of the option chosen (a scale point or minutes, as the buttons carry)
     */
    record Answered(String pulseId, String email, String question, String value) implements ScenarioEvent {
    }

    /**
     * A sponsor or stakeholder answers one question of their programme's stakeholder pulse of the quarter.
     *
     * @param value the stored value of the option chosen, or the text written
     */
    record StakeholderAnswered(String programmeId, String email, String question, String value)
            implements ScenarioEvent {
    }

    /**
     * The owner logs the outcome check-in through the form: a workflow's, or ({@code programme:<id>}) the
     * programme owner's on the programme's own outcome.
     */
    record CheckedIn(String workflowId, String ownerEmail, BigDecimal value, String status, int confidence)
            implements ScenarioEvent {
    }

    /**
     * The system of record posts the value it measured of a workflow's outcome metric on a day, through the admin
     * API ({@code POST /api/v1/outcomes/{workflow}/values}), as JSON or CSV.
     *
     * @param source the system of record's name
     */
    record Measured(String workflowId, LocalDate day, BigDecimal value, String source, Feed feed)
            implements ScenarioEvent {
    }
}
