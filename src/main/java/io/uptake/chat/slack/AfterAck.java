package io.uptake.chat.slack;

import io.micronaut.context.annotation.Factory;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;

/** Where Slack work that may be slow runs once the request is acknowledged: Slack wants an answer within 3 s. */
@Factory
class AfterAck {

    static final String NAME = "slack-after-ack";

    @Singleton
    @Named(NAME)
    Executor afterAck(@Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        return blocking;
    }
}
