package io.uptake.pulse;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way an answer is recorded, from every adapter (a Slack button or comment, a Teams card): answers wait in
 * a queue and are recorded in batches, one transaction per batch, and each caller learns its own result once the
 * batch has committed.
 *
 * <p>Everything an answer sets off (replacing an earlier answer, the edit that shows it in the person's message,
 * the self-reported use) happens behind this one entry, so no adapter can record an answer that skips part of it.
 *
 * <p>SQLite takes one writer at a time. With a transaction per click, concurrent clicks queue on the database's
 * busy handler, which sleeps in steps of up to 100 ms, and every click pays for its own commit; one writer
 * draining a queue has neither cost. A batch that fails is retried click by click, so one bad click cannot
 * take its neighbours' answers down with it.
 */
@Singleton
public class AnswerWriter {

    private static final Logger LOG = LoggerFactory.getLogger(AnswerWriter.class);
    private static final int MAX_BATCH = 256;
    private static final int MAX_WAITING = 20_000;

    private record Pending(AnswerCommand command, CompletableFuture<AnswerResult> result) {
    }

    /** Put in the queue by {@link #stop()}: everything before it is written, then the writer ends. */
    private static final Pending STOP = new Pending(null, new CompletableFuture<>());

    private final RecordAnswer recordAnswer;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>(MAX_WAITING);
    private final Thread writer;
    private boolean closed;

    AnswerWriter(RecordAnswer recordAnswer) {
        this.recordAnswer = recordAnswer;
        this.writer = new Thread(this::run, "answer-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Records an answer and waits for its result, for adapters that must answer with it (a modal's errors, a
     * refreshed card). An unexpected failure is thrown as it was raised.
     */
    public AnswerResult record(AnswerCommand command) {
        try {
            return submit(command).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException unexpected) {
                throw unexpected;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** Queues an answer; the future completes once it is committed (or refused). */
    public CompletableFuture<AnswerResult> submit(AnswerCommand command) {
        Pending pending = new Pending(command, new CompletableFuture<>());
        synchronized (this) {
            // Under the lock that stop() takes: nothing joins the queue after the writer's last drain.
            if (!closed && queue.offer(pending)) {
                return pending.result();
            }
        }
        // Shutting down, or a backlog far beyond any real burst: record in the caller's own transaction.
        return CompletableFuture.completedFuture(recordAnswer.record(command));
    }

    private void run() {
        List<Pending> taken = new ArrayList<>(MAX_BATCH);
        while (true) {
            Pending first;
            try {
                first = queue.take();
            } catch (InterruptedException e) {
                // Nothing interrupts this thread but the JVM going down: write what is queued and end.
                first = STOP;
            }
            if (first != STOP) {
                taken.add(first);
            }
            queue.drainTo(taken, MAX_BATCH - 1);
            boolean stopping = first == STOP || taken.remove(STOP);
            write(taken);
            taken.clear();
            if (stopping) {
                queue.drainTo(taken);
                taken.remove(STOP);
                write(taken);
                return;
            }
        }
    }

    private void write(List<Pending> taken) {
        if (taken.isEmpty()) {
            return;
        }
        try {
            List<AnswerResult> results = recordAnswer.recordAll(taken.stream().map(Pending::command).toList());
            for (int i = 0; i < taken.size(); i++) {
                taken.get(i).result().complete(results.get(i));
            }
        } catch (RuntimeException e) {
            LOG.warn("A batch of {} answers failed; recording them one by one", taken.size(), e);
            taken.forEach(this::writeAlone);
        } catch (Throwable e) {
            taken.forEach(p -> p.result().completeExceptionally(e));
            throw e;
        }
    }

    private void writeAlone(Pending pending) {
        try {
            pending.result().complete(recordAnswer.record(pending.command()));
        } catch (Throwable e) {
            pending.result().completeExceptionally(e);
        }
    }

    /** Takes no more answers, records those already queued, then lets the writer end. */
    @PreDestroy
    void stop() throws InterruptedException {
        synchronized (this) {
            closed = true;
        }
        // Unbounded put: the marker must get in even when the queue is full.
        while (!queue.offer(STOP)) {
            Thread.onSpinWait();
        }
        writer.join(10_000);
    }
}
