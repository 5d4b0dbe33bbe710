package io.uptake.bench;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What the benchmark tells a worker process, on its command line.
 *
 * @param mode        {@code seed} to set up and send a new round, {@code resume} to finish what a killed worker left
 * @param database    the SQLite file
 * @param platform    the fake platform's URL
 * @param pace        the dispatcher's pace in Slack posts a second; 0 leaves the service's default
 * @param recipients  people in the round
 * @param concurrency the dispatcher's sends in flight
 * @param workspaces  Slack workspaces the people are spread over
 */
record WorkerArgs(Mode mode, Path database, URI platform, double pace, int recipients, int concurrency,
                  int workspaces) {

    enum Mode { SEED, RESUME }

    static WorkerArgs parse(String[] args) {
        if (args.length != 7) {
            throw new IllegalArgumentException("usage: BenchWorker seed|resume <sqlite file> <platform url> <rate>"
                    + " <recipients> <concurrency> <workspaces>");
        }
        return new WorkerArgs(Mode.valueOf(args[0].toUpperCase(Locale.ROOT)), Path.of(args[1]),
                URI.create(args[2]), Double.parseDouble(args[3]), Integer.parseInt(args[4]),
                Integer.parseInt(args[5]), Integer.parseInt(args[6]));
    }

    List<String> toList() {
        return List.of(mode.name().toLowerCase(Locale.ROOT), database.toString(), platform.toString(),
                Double.toString(pace), Integer.toString(recipients), Integer.toString(concurrency),
                Integer.toString(workspaces));
    }

    WorkerArgs resume() {
        return new WorkerArgs(Mode.RESUME, database, platform, pace, recipients, concurrency, workspaces);
    }
}
