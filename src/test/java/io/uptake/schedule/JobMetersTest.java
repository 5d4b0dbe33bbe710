package io.uptake.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.Scheduler;
import org.quartz.listeners.JobListenerSupport;

/** Every job run shows in {@code GET /prometheus} under its job key, a run that threw as failed. */
@MicronautTest(transactional = false)
@Property(name = "uptake.scheduler.enabled", value = "true")
class JobMetersTest {

    @Inject
    Scheduler scheduler;
    @Inject
    Schedules schedules;
    @Inject
    @Client("/")
    HttpClient http;

    @Test
    void aJobRunAndAFailedOneAreCountedUnderTheirKeys() throws Exception {
        Finished finished = new Finished(2);
        // Added after JobMeters, which Quartz therefore tells first: once this hears a run, it is counted.
        scheduler.getListenerManager().addJobListener(finished);
        try {
            schedules.once("meters:works", RecordingJob.class);
            schedules.once("meters:fails", FailingJob.class);

            assertThat(finished.all.await(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            scheduler.getListenerManager().removeJobListener(finished.getName());
        }

        String scrape = http.toBlocking().retrieve(HttpRequest.GET("/prometheus"), String.class);
        assertThat(scrape).containsPattern(
                "uptake_jobs_runs_seconds_count\\{job=\"meters:works\",result=\"ok\"} 1(\\.0)?\\n")
                .containsPattern("uptake_jobs_runs_seconds_count\\{job=\"meters:fails\",result=\"failed\"} 1(\\.0)?\\n")
                .doesNotContain("job=\"meters:works\",result=\"failed\"");
    }

    /** Opens once Quartz has told every listener about the expected number of runs. */
    static final class Finished extends JobListenerSupport {

        final CountDownLatch all;

        Finished(int runs) {
            all = new CountDownLatch(runs);
        }

        @Override
        public String getName() {
            return "test-finished";
        }

        @Override
        public void jobWasExecuted(JobExecutionContext context, JobExecutionException failure) {
            all.countDown();
        }
    }
}
