package io.uptake.catalog;

import java.util.List;

/** A leaders' channel that receives the weekly adoption digest for some programmes. */
public record DigestSubscription(ChannelRef channel, List<String> programmeIds, Schedule schedule) {

    public DigestSubscription {
        programmeIds = List.copyOf(programmeIds);
    }
}
