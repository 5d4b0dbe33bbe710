package io.uptake.catalog;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the programmes file once the service starts; a bad file is reported and the service runs on without it,
 * and a file that would retire most of the catalogue (emptied, cut off) is held back: the stored catalogue stays.
 */
@Singleton
class LoadCatalogAtStartup {

    private static final Logger LOG = LoggerFactory.getLogger(LoadCatalogAtStartup.class);

    private final ReloadCatalog reload;

    LoadCatalogAtStartup(ReloadCatalog reload) {
        this.reload = reload;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        ReloadCatalog.Result result = reload.reload();
        if (result instanceof ReloadCatalog.Result.NotConfigured) {
            LOG.info("No programmes file: set UPTAKE_CATALOG to its path to declare programmes, pulses and digests");
        } else if (result instanceof ReloadCatalog.Result.Rejected rejected) {
            LOG.warn("Programmes file {} rejected with {} errors; running without a catalogue until it is fixed and "
                    + "reloaded (POST /api/v1/catalog/reload)", rejected.source(), rejected.errors().size());
            rejected.errors().forEach(error -> LOG.warn("  {}", error));
        } else if (result instanceof ReloadCatalog.Result.Held held) {
            LOG.warn("Programmes file {} held back at start-up: running on the catalogue stored from the last "
                    + "accepted file. Restore the file, or confirm with "
                    + "POST /api/v1/catalog/reload?confirm-retire=true",
                    held.source());
        }
    }
}
