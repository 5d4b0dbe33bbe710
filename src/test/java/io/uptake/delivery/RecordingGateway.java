package io.uptake.delivery;

import io.uptake.platform.Platform;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A gateway that records every send and answers with scripted results, then with success. */
public class RecordingGateway implements ChatGateway {

    /** One call the dispatcher made. */
    public record Call(Envelope envelope, Instant at, SendResult result) {
    }

    private final Platform platform;
    private final Clock clock;
    private final List<Call> calls = new ArrayList<>();
    private final Deque<SendResult> script = new ArrayDeque<>();
    private final AtomicInteger refs = new AtomicInteger();

    public RecordingGateway(Platform platform, Clock clock) {
        this.platform = platform;
        this.clock = clock;
    }

    @Override
    public Platform platform() {
        return platform;
    }

    @Override
    public synchronized SendResult send(Envelope envelope) {
        SendResult result = script.isEmpty() ? new SendResult.Sent(platform.code() + "-msg-" + refs.incrementAndGet())
                : script.poll();
        calls.add(new Call(envelope, clock.instant(), result));
        return result;
    }

    /** The next sends answer these results, in order. */
    public synchronized void answerNext(SendResult... results) {
        script.addAll(List.of(results));
    }

    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The sends the platform accepted. */
    public synchronized List<Call> delivered() {
        return calls.stream().filter(c -> c.result() instanceof SendResult.Sent).toList();
    }

    public synchronized void clear() {
        calls.clear();
        script.clear();
    }
}
