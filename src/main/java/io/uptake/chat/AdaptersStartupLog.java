package io.uptake.chat;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Says at startup which chat adapters are on and which environment variables turn the others on. */
@Singleton
class AdaptersStartupLog {

    private static final Logger LOG = LoggerFactory.getLogger(AdaptersStartupLog.class);

    private final ChatAdapters adapters;

    AdaptersStartupLog(ChatAdapters adapters) {
        this.adapters = adapters;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        for (ChatAdapters.Adapter adapter : adapters.all()) {
            String line = adapters.describe().get(adapters.all().indexOf(adapter));
            if (adapter.mode().equals("refused") || adapter.mode().equals("insecure-local")) {
                LOG.warn(line);
            } else {
                LOG.info(line);
            }
        }
    }
}
