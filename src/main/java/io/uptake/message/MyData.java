package io.uptake.message;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * Everything Uptake holds about one person, sent to them on request: profile, chat identities, pulses sent and
 * their confidential answers. It carries personal data, so the outbox forgets it once the platform has it.
 */
@Serdeable
public record MyData(List<Section> sections) implements ChatMessage {

    public static final String KIND = "my_data";

    public MyData {
        sections = List.copyOf(sections);
    }

    /** One part of the export: a title and one line per item, "None." when there are none. */
    @Serdeable
    public record Section(String title, List<String> lines) {
        public Section {
            lines = List.copyOf(lines);
        }
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String fallbackText() {
        return "Your data in Uptake";
    }

    @Override
    public boolean forgetAfterSending() {
        return true;
    }
}
