package io.uptake.demo;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Starts the service in demo mode on a database of the test's own, playing a short year. */
final class DemoContexts {

    static final String ADMIN = "demo-test-admin";
    /** Eight weeks: two rounds of the weekly pulses, enough for every message kind and figure. */
    static final int WEEKS = 8;

    private DemoContexts() {
    }

    static Map<String, Object> settings(Path dir) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("datasources.default.url", dir.resolve("demo.db").toString());
        settings.put("uptake.catalog", dir.resolve("demo-programmes.yaml").toString());
        settings.put("uptake.demo-weeks", WEEKS);
        settings.put("uptake.admin-token", ADMIN);
        return settings;
    }

    static EmbeddedServer start(Path dir) {
        return ApplicationContext.run(EmbeddedServer.class, settings(dir), "test", DemoSettings.ENVIRONMENT);
    }
}
