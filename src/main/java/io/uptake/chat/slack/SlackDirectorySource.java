package io.uptake.chat.slack;

import io.micronaut.context.annotation.Requires;
import io.uptake.people.DirectorySource;
import io.uptake.platform.Platform;
import jakarta.inject.Singleton;

/** The Slack directory, for the first read after start-up: the same sync as the daily one. */
@Singleton
@Requires(bean = SyncSlackAudiences.class)
class SlackDirectorySource implements DirectorySource {

    private final SyncSlackAudiences sync;

    SlackDirectorySource(SyncSlackAudiences sync) {
        this.sync = sync;
    }

    @Override
    public String name() {
        return Platform.SLACK.code();
    }

    @Override
    public void read() throws InterruptedException {
        sync.run();
    }
}
