package io.uptake.metrics;

import jakarta.inject.Singleton;

/** Places a workflow's trust against its correction rate. */
@Singleton
class ScoreCalibration {

    TrustCalibration score(WorkflowScore scored) {
        return TrustCalibration.noData();
    }
}
