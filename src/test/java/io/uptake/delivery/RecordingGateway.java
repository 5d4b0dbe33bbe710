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
    private volatile Runnable beforeSend = () -> { };

    public RecordingGateway(Platform platform, Clock clock) {
        this.platform = platform;
        this.clock = clock;
    }

    @Override
    public Platform platform() {
        return platform;
    }

    /** Runs the hook (which may block, as a slow platform does) before each send is answered, outside any lock. */
    @Override
    public SendResult send(Envelope envelope) {
        beforeSend.run();
        return record(envelope);
    }

    /** What every later send does first, e.g. wait on a latch the test opens. */
    public void beforeEachSend(Runnable hook) {
        beforeSend = hook;
    }

    private synchronized SendResult record(Envelope envelope) {
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
