package io.uptake.chat.slack;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.concurrent.Executor;

/** In tests, work after the ack runs before the response returns, so a test sees its effect at once. */
@Requires(env = Environment.TEST)
@Factory
class InlineAfterAck {

    @Singleton
    @Named(AfterAck.NAME)
    @Replaces(bean = Executor.class, named = AfterAck.NAME, factory = AfterAck.class)
    Executor inline() {
        return Runnable::run;
    }
}
