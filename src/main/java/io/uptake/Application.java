package io.uptake;

import io.micronaut.runtime.Micronaut;

/** Starts the Uptake service. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
