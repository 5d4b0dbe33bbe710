package io.uptake.catalog.file;

import io.uptake.catalog.ChannelRef;
import io.uptake.catalog.DigestSubscription;
import io.uptake.catalog.Schedule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the digest subscriptions, refusing a second digest to a channel that already has one. */
final class DigestReader {

    static final List<String> KEYS = List.of("channel", "programmes", "schedule");

    private final IdRegistry programmes;
    private final Map<ChannelRef, Integer> channelLines = new HashMap<>();

    DigestReader(IdRegistry programmes) {
        this.programmes = programmes;
    }

    Optional<DigestSubscription> read(Field field) {
        return field.mapping(KEYS).flatMap(mapping -> {
            Optional<ChannelRef> channel = mapping.require("channel").flatMap(this::channel);
            Optional<List<String>> ids = mapping.require("programmes").flatMap(this::programmeIds);
            Optional<Schedule> schedule = mapping.require("schedule").flatMap(ScheduleReader.forChannel()::read);
            if (channel.isEmpty() || ids.isEmpty() || schedule.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new DigestSubscription(channel.get(), ids.get(), schedule.get()));
        });
    }

    private Optional<ChannelRef> channel(Field field) {
        Optional<String> text = Scalars.text(field);
        Optional<ChannelRef> channel = text.flatMap(ChannelRef::parse);
        if (text.isPresent() && channel.isEmpty()) {
            field.error(Field.quote(text.get()) + " is not a channel; write slack:C0123ABCD (a Slack channel id)"
                    + " or teams:<conversation id>");
        }
        return channel.filter(ref -> {
            Integer first = channelLines.putIfAbsent(ref, field.line());
            if (first != null) {
                field.error("duplicate channel: " + ref + " already has a digest on line " + first
                        + "; list all its programmes in that one digest");
            }
            return first == null;
        });
    }

    private Optional<List<String>> programmeIds(Field field) {
        return field.list().flatMap(items -> {
            if (items.isEmpty()) {
                field.error("list at least one programme id");
                return Optional.empty();
            }
            List<String> ids = new ArrayList<>();
            boolean valid = true;
            for (Field item : items) {
                Optional<String> id = programmes.reference(item);
                if (id.isPresent() && ids.contains(id.get())) {
                    item.error(Field.quote(id.get()) + " is listed twice; list each programme once");
                    valid = false;
                }
                valid &= id.isPresent();
                id.filter(value -> !ids.contains(value)).ifPresent(ids::add);
            }
            return valid ? Optional.of(ids) : Optional.empty();
        });
    }
}
