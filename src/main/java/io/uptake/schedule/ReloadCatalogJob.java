package io.uptake.schedule;

import io.micronaut.context.annotation.Prototype;
import io.uptake.catalog.ReloadCatalog;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-reads the programmes file, as {@code POST /api/v1/catalog/reload} does; register it with
 * {@code schedules.every("catalog:reload", ReloadCatalogJob.class, interval)} to pick up edits without the API.
 *
 * <p>It shows the shape of every job here: a bean with its use case injected, one call, and the outcome reported.
 * The use case logs an accepted file itself; a rejected file is an expected outcome, so it is a warning here and
 * not an exception.
 */
@Prototype
@DisallowConcurrentExecution
class ReloadCatalogJob implements Job {

    private static final Logger LOG = LoggerFactory.getLogger(ReloadCatalogJob.class);

    private final ReloadCatalog reload;

    ReloadCatalogJob(ReloadCatalog reload) {
        this.reload = reload;
    }

    @Override
    public void execute(JobExecutionContext context) {
        if (reload.reload() instanceof ReloadCatalog.Result.Rejected rejected) {
            LOG.warn("Programmes file {} rejected with {} errors on the scheduled reload; the catalogue in force is "
                    + "unchanged", rejected.source(), rejected.errors().size());
        }
    }
}
