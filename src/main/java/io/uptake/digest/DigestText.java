package io.uptake.digest;

import io.uptake.message.DigestMessage;
import java.util.List;

/** The digest as plain text: for previews, logs of what was sent, and anyone reading without cards. */
public final class DigestText {

    private DigestText() {
    }

    public static String render(List<DigestMessage> parts) {
        StringBuilder out = new StringBuilder();
        if (!parts.isEmpty()) {
            out.append(parts.get(0).title()).append('\n');
        }
        for (DigestMessage part : parts) {
            if (part.programmes().isEmpty()) {
                out.append("\nNo active programmes this week.\n");
            }
            for (DigestMessage.Programme programme : part.programmes()) {
                out.append('\n').append(programme.name()).append(programme.continued() ? " (continued)" : "")
                        .append(": ").append(programme.verdict());
                if (!programme.continued() && !programme.reasons().isEmpty()) {
                    out.append(" (").append(String.join("; ", programme.reasons())).append(')');
                }
                out.append('\n');
                for (DigestMessage.Row row : programme.workflows()) {
                    out.append("  ").append(row.name()).append(": ").append(row.verdict()).append('\n');
                    row.facts().forEach(f -> out.append("    ").append(f.label()).append(": ").append(f.value())
                            .append('\n'));
                    row.flags().forEach(f -> out.append("    ⚠ ").append(f).append('\n'));
                }
            }
        }
        return out.toString();
    }
}
