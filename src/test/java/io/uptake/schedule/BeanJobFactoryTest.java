package io.uptake.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import ch.qos.logback.classic.Level;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;

@MicronautTest(transactional = false)
class BeanJobFactoryTest {

    @Inject
    BeanJobFactory factory;
    @Inject
    Scheduler scheduler;
    @Inject
    Runs runs;

    @Test
    void makesEachJobAsABeanWithItsDependenciesInjected() throws Exception {
        Jobs.fire(factory, scheduler, "pulse:claims-weekly", RecordingJob.class, Map.of("pulse", "claims-weekly"));

        assertThat(runs.seen()).contains("pulse:claims-weekly {pulse=claims-weekly}");
    }

    @Test
    void aFailingJobIsLoggedOnceWithItsExceptionAndDoesNotReachQuartz() {
        try (LogEvents logs = LogEvents.of(BeanJobFactory.class)) {
            assertThatCode(() -> Jobs.fire(factory, scheduler, "pulse:broken", FailingJob.class, Map.of()))
                    .doesNotThrowAnyException();

            assertThat(logs.at(Level.ERROR)).singleElement().satisfies(event -> {
                assertThat(event.getFormattedMessage()).contains("pulse:broken", "FailingJob");
                assertThat(event.getThrowableProxy().getMessage()).isEqualTo("database unreachable");
            });
        }
    }

    @Test
    void knowsWhichJobClassesItCanMake() {
        assertThat(factory.canMake(RecordingJob.class)).isTrue();
        assertThat(factory.canMake(Unmanaged.class)).isFalse();
    }

    /** A job class the context knows nothing of. */
    static class Unmanaged implements Job {
        @Override
        public void execute(JobExecutionContext context) {
        }
    }
}
