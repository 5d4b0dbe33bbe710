package io.uptake.connect.graph;

/** A report page that is not the JSON Graph documents; its message says what was wrong, without the page. */
final class MalformedReport extends Exception {

    MalformedReport(String message) {
        super(message);
    }
}
