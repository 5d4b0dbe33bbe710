package io.uptake.demo;

/** Demo mode cannot start on what it found (a database with real data, a file it did not write); says why. */
public final class DemoRefused extends RuntimeException {

    DemoRefused(String message) {
        super(message);
    }
}
