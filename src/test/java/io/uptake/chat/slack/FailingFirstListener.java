package io.uptake.chat.slack;

import com.slack.api.bolt.App;
import com.slack.api.model.event.ReactionAddedEvent;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicInteger;

/** For {@link SlackRetryAfterFailureTest} only: a listener whose first call fails, as a database outage would. */
@Singleton
@Requires(property = "test.slack.failing-listener", value = "true")
class FailingFirstListener implements SlackListener {

    final AtomicInteger calls = new AtomicInteger();

    @Override
    public void register(App app) {
        app.event(ReactionAddedEvent.class, (request, context) -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("the database is not answering");
            }
            return context.ack();
        });
    }
}
