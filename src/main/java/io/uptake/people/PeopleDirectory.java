package io.uptake.people;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.uptake.platform.Platform;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The admin's view of the people Uptake holds: how many are in each state, and a searchable, paged list. An erased
 * person is only ever counted: what is left of them (a number) says nothing about who they were, so it is not listed.
 */
@Singleton
public class PeopleDirectory {

    /** A state a person may be in; a person may be in several (linked on Slack and paused). */
    public enum State {
        SLACK("slack", "Linked on Slack"),
        TEAMS("teams", "Linked on Teams"),
        NO_CHAT("no-chat", "No chat account"),
        UNREACHABLE("unreachable", "Unreachable"),
        OPTED_OUT("opted-out", "Opted out"),
        PAUSED("paused", "Paused"),
        ERASED("erased", "Erased");

        private static final String ACCOUNT = "SELECT 1 FROM chat_identity c WHERE c.person_id = p.id";

        private final String code;
        private final String label;

        State(String code, String label) {
            this.code = code;
            this.label = label;
        }

        public String code() {
            return code;
        }

        public String label() {
            return label;
        }

        /** The state a filter names, empty for an unknown name. */
        public static Optional<State> parse(String code) {
            return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
        }

        private String where() {
            return switch (this) {
                case SLACK -> "EXISTS (" + ACCOUNT + " AND c.platform = 'slack')";
                case TEAMS -> "EXISTS (" + ACCOUNT + " AND c.platform = 'teams')";
                case NO_CHAT -> "NOT EXISTS (" + ACCOUNT + ")";
                case UNREACHABLE -> "p.unreachable_at IS NOT NULL";
                case OPTED_OUT -> "p.opted_out_at IS NOT NULL";
                case PAUSED -> "p.paused_until > ?";
                case ERASED -> "p.erased_at IS NOT NULL";
            };
        }
    }

    /** One person as the list shows them. */
    public record Listed(long id, @Nullable String email, @Nullable String name, List<Platform> platforms,
                         @Nullable Instant optedOutAt, @Nullable Instant pausedUntil,
                         @Nullable String unreachableReason) {
    }

    /** One page of the list and how many match in all. */
    public record Page(List<Listed> people, long total, int page, int size) {
        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }
    }

    /** Where a direct message to a person goes, on their first chat account (Slack before Teams if both). */
    public record DirectAddress(long personId, Platform platform, String tenantId, String recipient) {
    }

    public static final int PAGE_SIZE = 25;

    private final DataSource dataSource;
    private final PersonRepository people;
    private final ChatIdentityRepository identities;
    private final Clock clock;

    PeopleDirectory(DataSource dataSource, PersonRepository people, ChatIdentityRepository identities, Clock clock) {
        this.dataSource = dataSource;
        this.people = people;
        this.identities = identities;
        this.clock = clock;
    }

    /** How many people are in each state; every state is listed, zeros included. */
    public Map<State, Long> counts() {
        Map<State, Long> counts = new EnumMap<>(State.class);
        Instant now = clock.instant();
        try (Connection c = connection()) {
            for (State state : State.values()) {
                List<Object> params = new ArrayList<>();
                String where = where(state, null, now, params);
                try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM person p WHERE " + where)) {
                    bind(ps, params);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        counts.put(state, rs.getLong(1));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not count people", e);
        }
        return counts;
    }

    /**
     * People not erased whose email or name contains {@code search} (any case), in a state if one is given, by id.
     *
     * @param page 1-based
     */
    public Page search(@Nullable String search, @Nullable State state, int page) {
        if (state == State.ERASED) {
            return new Page(List.of(), 0, 1, PAGE_SIZE);
        }
        int shown = Math.max(1, page);
        Instant now = clock.instant();
        List<Object> params = new ArrayList<>();
        String where = where(state, search, now, params);
        try (Connection c = connection()) {
            long total;
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM person p WHERE " + where)) {
                bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            Map<Long, Listed> found = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT p.id, p.email, p.display_name, p.opted_out_at,"
                    + " p.paused_until, p.unreachable_reason FROM person p WHERE " + where
                    + " ORDER BY p.id LIMIT " + PAGE_SIZE + " OFFSET " + (long) (shown - 1) * PAGE_SIZE)) {
                bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Instant paused = instant(rs.getTimestamp("paused_until"));
                        found.put(rs.getLong("id"), new Listed(rs.getLong("id"), rs.getString("email"),
                                rs.getString("display_name"), new ArrayList<>(),
                                instant(rs.getTimestamp("opted_out_at")),
                                paused != null && paused.isAfter(now) ? paused : null,
                                rs.getString("unreachable_reason")));
                    }
                }
            }
            if (!found.isEmpty()) {
                identities.findByPersonIdInList(List.copyOf(found.keySet())).forEach(i -> {
                    List<Platform> platforms = found.get(i.personId()).platforms();
                    if (!platforms.contains(i.platform())) {
                        platforms.add(i.platform());
                    }
                });
            }
            List<Listed> listed = found.values().stream().map(l -> new Listed(l.id(), l.email(), l.name(),
                    l.platforms().stream().sorted().toList(), l.optedOutAt(), l.pausedUntil(),
                    l.unreachableReason())).toList();
            return new Page(listed, total, shown, PAGE_SIZE);
        } catch (SQLException e) {
            throw new IllegalStateException("could not list people", e);
        }
    }

    /** One person not erased, as the list shows them. */
    public Optional<Listed> person(long id) {
        return people.findById(id).filter(p -> p.erasedAt() == null).map(p -> new Listed(p.id(), p.email(),
                p.displayName(), identities.findByPersonIdOrderById(p.id()).stream().map(ChatIdentityRow::platform)
                        .distinct().sorted().toList(), p.optedOutAt(),
                p.pausedUntil() != null && p.pausedUntil().isAfter(clock.instant()) ? p.pausedUntil() : null,
                p.unreachableReason()));
    }

    /** Where a direct message to the person with this email goes; empty when nobody has it or they have no chat. */
    public Optional<DirectAddress> directAddress(String email) {
        return people.findByEmail(email.strip().toLowerCase(Locale.ROOT)).filter(p -> p.erasedAt() == null)
                .flatMap(p -> Reachability.identity(identities.findByPersonIdOrderById(p.id()), Platform.SLACK)
                        .map(i -> new DirectAddress(p.id(), i.platform(), i.tenantId(), i.directAddress())));
    }

    private static String where(@Nullable State state, @Nullable String search, Instant now, List<Object> params) {
        StringBuilder where = new StringBuilder(state == State.ERASED ? "p.erased_at IS NOT NULL"
                : "p.erased_at IS NULL");
        if (state != null && state != State.ERASED) {
            where.append(" AND ").append(state.where());
            if (state == State.PAUSED) {
                params.add(now);
            }
        }
        if (search != null && !search.isBlank()) {
            String like = "%" + search.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%";
            where.append(" AND (LOWER(p.email) LIKE ? ESCAPE '\\' OR LOWER(p.display_name) LIKE ? ESCAPE '\\')");
            params.add(like);
            params.add(like);
        }
        return where.toString();
    }

    private static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            if (params.get(i) instanceof Instant t) {
                ps.setTimestamp(i + 1, Timestamp.from(t));
            } else {
                ps.setString(i + 1, (String) params.get(i));
            }
        }
    }

    private static Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private Connection connection() throws SQLException {
        return DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
    }
}
