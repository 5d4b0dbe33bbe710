package io.uptake.chat.teams;

import io.micronaut.context.annotation.Requires;
import io.uptake.people.DirectorySource;
import io.uptake.platform.Platform;
import jakarta.inject.Singleton;

/** The rosters of the Teams teams that are audiences, for the first read after start-up. */
@Singleton
@Requires(condition = TeamsOn.class)
class TeamsDirectorySource implements DirectorySource {

    private final SyncTeamsRosters sync;

    TeamsDirectorySource(SyncTeamsRosters sync) {
        this.sync = sync;
    }

    @Override
    public String name() {
        return Platform.TEAMS.code();
    }

    @Override
    public void read() {
        sync.run();
    }
}
