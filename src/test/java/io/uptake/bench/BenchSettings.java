package io.uptake.bench;

import java.util.HashMap;
import java.util.Map;

/**
 * The benchmark's knobs: system properties {@code bench.NAME}, overridden by {@code NAME=value} arguments.
 *
 * @param rate        the fake platform's limit L, messages a second
 * @param pace        the dispatcher's pace, messages a second: L unless set, above L to see 429s handled
 * @param burst       tokens the fake admits at once above the steady rate
 * @param recipients  people in the round
 * @param concurrency the dispatcher's sends in flight
 * @param killAt      in run B, accepted messages after which the worker is killed: half-way, plus half a batch
 */
record BenchSettings(double rate, double pace, int burst, int recipients, int concurrency, int killAt) {

    private static final String PREFIX = "bench.";
    private static final String DERIVED = "auto";
    /**
     * Half of the 200-row dispatcher batch claimed when the README's table was measured: half-way through the round
     * was then a batch's end, where nothing is claimed but the sends in flight; a bit later the killed worker also
     * leaves claimed rows it never sent, which the restart must not lose. Batches are now twice the concurrency
     * (8), so a kill anywhere leaves up to that many claimed rows; the value is kept so runs stay comparable.
     */
    private static final int MID_BATCH = 100;

    static BenchSettings from(String[] args) {
        Map<String, String> values = new HashMap<>();
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith(PREFIX))
                .forEach(k -> values.put(k.substring(PREFIX.length()), System.getProperty(k)));
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("Arguments are NAME=value, e.g. rate=200; got " + arg);
            }
            values.put(arg.substring(0, eq).replaceFirst("^" + PREFIX.replace(".", "\\."), ""), arg.substring(eq + 1));
        }
        double rate = Double.parseDouble(values.getOrDefault("rate", "200"));
        String pace = values.getOrDefault("pace", DERIVED);
        int recipients = Integer.parseInt(values.getOrDefault("recipients", "10000"));
        int burst = derived(values, "burst", (int) Math.max(1, Math.round(rate / 10)));
        int concurrency = Integer.parseInt(values.getOrDefault("concurrency", "4"));
        int killAt = derived(values, "killAt", recipients / 2 + MID_BATCH);
        return new BenchSettings(rate, pace.isBlank() || DERIVED.equals(pace) ? rate : Double.parseDouble(pace),
                burst, recipients, concurrency, killAt);
    }

    private static int derived(Map<String, String> values, String name, int otherwise) {
        String value = values.getOrDefault(name, DERIVED);
        return value.isBlank() || DERIVED.equals(value) ? otherwise : Integer.parseInt(value);
    }
}
