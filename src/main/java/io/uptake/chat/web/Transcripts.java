package io.uptake.chat.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.uptake.platform.Platform;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The simulated platforms' memory of every conversation ({@code web_chat_message}): what the outbox sent and
 * edited, and what people typed with the bot's replies. Plain SQL: the simulator's own table, read by recipient.
 */
@Singleton
@Requires(property = "uptake.demo", value = "true")
class Transcripts {

    private final DataSource data;

    Transcripts(DataSource data) {
        this.data = DelegatingDataSource.unwrapDataSource(data);
    }

    /** Adds a message and returns the reference the platform gives it. */
    String add(Platform platform, String tenantId, String recipient, String kind, String payload, Instant at) {
        String ref = UUID.randomUUID().toString();
        update("INSERT INTO web_chat_message (platform, tenant_id, recipient, message_ref, kind, payload, sent_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", platform.code(), tenantId, recipient, ref, kind, payload,
                at.toEpochMilli());
        return ref;
    }

    /** Replaces a message's content; false when no message has that reference. */
    boolean edit(String ref, String kind, String payload, Instant at) {
        return update("UPDATE web_chat_message SET kind = ?, payload = ?, edited_at = ? WHERE message_ref = ?",
                kind, payload, at.toEpochMilli(), ref) == 1;
    }

    /** The conversation with one user or channel, oldest first; the newest {@code limit} only. */
    List<TranscriptEntry> of(Platform platform, String tenantId, String recipient, int limit) {
        String sql = "SELECT id, platform, recipient, message_ref, kind, payload, sent_at, edited_at "
                + "FROM web_chat_message WHERE platform = ? AND tenant_id = ? AND recipient = ? "
                + "ORDER BY id DESC LIMIT ?";
        List<TranscriptEntry> entries = new ArrayList<>();
        try (Connection c = data.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, platform.code());
            s.setString(2, tenantId);
            s.setString(3, recipient);
            s.setInt(4, limit);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    long edited = rows.getLong(8);
                    entries.add(0, new TranscriptEntry(rows.getLong(1), Platform.fromCode(rows.getString(2)),
                            rows.getString(3), rows.getString(4), rows.getString(5), rows.getString(6),
                            Instant.ofEpochMilli(rows.getLong(7)), rows.wasNull() || edited == 0 ? null
                            : Instant.ofEpochMilli(edited)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the simulated conversation", e);
        }
        return entries;
    }

    /** A channel a digest was posted to. */
    record Channel(Platform platform, String id) {
    }

    /** The channels messages were posted to (leaders' channels), as opposed to people's own chats. */
    List<Channel> channels() {
        List<Channel> channels = new ArrayList<>();
        try (Connection c = data.getConnection(); PreparedStatement s = c.prepareStatement("SELECT DISTINCT "
                + "platform, recipient FROM web_chat_message WHERE kind = 'digest' ORDER BY platform, recipient");
                ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                channels.add(new Channel(Platform.fromCode(rows.getString(1)), rows.getString(2)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the simulated channels", e);
        }
        return channels;
    }

    private int update(String sql, Object... values) {
        try (Connection c = data.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot write to the simulated conversation", e);
        }
    }
}
