package io.uptake.pulse;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one writer of button answers: clicks wait in a queue and are recorded in batches, one transaction per
 * batch, and each caller learns its own result once the batch has committed.
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

    private final RecordAnswerBatch batch;
    private final RecordAnswer single;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>(MAX_WAITING);
    private final Thread writer;

    AnswerWriter(RecordAnswerBatch batch, RecordAnswer single) {
        this.batch = batch;
        this.single = single;
        this.writer = new Thread(this::run, "answer-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /** Queues an answer; the future completes once it is committed (or refused). */
    public CompletableFuture<AnswerResult> submit(AnswerCommand command) {
        Pending pending = new Pending(command, new CompletableFuture<>());
        if (!writer.isAlive() || !queue.offer(pending)) {
            // Shutting down, or a backlog far beyond any real burst: record in the caller's own transaction.
            return CompletableFuture.completedFuture(single.record(command));
        }
        return pending.result();
    }

    private void run() {
        List<Pending> taken = new ArrayList<>(MAX_BATCH);
        while (!Thread.currentThread().isInterrupted()) {
            try {
                taken.add(queue.take());
            } catch (InterruptedException e) {
                break;
            }
            queue.drainTo(taken, MAX_BATCH - 1);
            write(taken);
            taken.clear();
        }
        queue.drainTo(taken);
        write(taken);
    }

    private void write(List<Pending> taken) {
        if (taken.isEmpty()) {
            return;
        }
        try {
            List<AnswerResult> results = batch.recordAll(taken.stream().map(Pending::command).toList());
            for (int i = 0; i < taken.size(); i++) {
                taken.get(i).result().complete(results.get(i));
            }
        } catch (RuntimeException e) {
            LOG.warn("A batch of {} answers failed; recording them one by one", taken.size(), e);
            taken.forEach(this::writeAlone);
        }
    }

    private void writeAlone(Pending pending) {
        try {
            pending.result().complete(single.record(pending.command()));
        } catch (RuntimeException e) {
            pending.result().completeExceptionally(e);
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        writer.interrupt();
        writer.join(5_000);
    }
}
