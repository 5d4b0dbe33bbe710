package io.uptake.usage;

import io.micronaut.context.annotation.Requires;
import io.uptake.catalog.UsageSpec;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A GitHub Copilot connector as the usage feature sees it, in memory: a test says what the next pulls answer and
 * reads which days were asked for. On only where {@code uptake.test.fake-connector} is set.
 */
@Singleton
@Requires(property = "uptake.test.fake-connector", value = "true")
public class FakeConnector implements UsageConnector {

    /** What the next pulls answer: a pull, or the error to throw. */
    private volatile SourcePull answer = new SourcePull(List.of(), null, false, List.of());
    private volatile SourceUnavailable failure;
    private final List<LocalDate[]> asked = new ArrayList<>();

    @Override
    public String source() {
        return UsageSpec.GITHUB_COPILOT;
    }

    @Override
    public boolean configured() {
        return true;
    }

    @Override
    public synchronized SourcePull pull(LocalDate from, LocalDate to) throws SourceUnavailable {
        asked.add(new LocalDate[] {from, to});
        if (failure != null) {
            throw failure;
        }
        return answer;
    }

    public void answer(SourcePull pull) {
        this.answer = pull;
        this.failure = null;
    }

    public void fail(String message) {
        this.failure = new SourceUnavailable(message);
    }

    /** The days asked for, {@code from..to}, one entry a pull. */
    public synchronized List<String> asked() {
        return asked.stream().map(a -> a[0] + ".." + a[1]).toList();
    }
}
