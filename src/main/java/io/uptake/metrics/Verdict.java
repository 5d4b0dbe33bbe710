package io.uptake.metrics;

/** Whether a workflow or programme is building leverage or only activity. */
public enum Verdict {
    LEVERAGE, EMERGING, ACTIVITY
}
