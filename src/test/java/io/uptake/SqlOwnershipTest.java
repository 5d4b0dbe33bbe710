package io.uptake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each table belongs to one package, and hand-written SQL elsewhere reads it only through the owner's read models
 * (the {@code read_*} views of {@code V9__read_models.sql}). Scans the SQL in every string literal and text block
 * under {@code src/main/java} (the pieces of one statement joined), the tables named after {@code FROM},
 * {@code JOIN}, {@code INSERT INTO} and {@code UPDATE}, and the tables {@code @MappedEntity} rows map.
 */
class SqlOwnershipTest {

    /** Which package (under {@code io.uptake}) owns each table: the one that writes it and keeps it right. */
    static final Map<String, String> OWNER = new TreeMap<>(Map.ofEntries(
            Map.entry("programme", "catalog"), Map.entry("workflow", "catalog"),
            Map.entry("workflow_stage", "catalog"), Map.entry("outcome", "catalog"),
            Map.entry("audience", "catalog"), Map.entry("audience_email", "catalog"),
            Map.entry("programme_stakeholder", "catalog"), Map.entry("programme_outcome", "catalog"),
            Map.entry("pulse", "catalog"), Map.entry("digest_subscription", "catalog"),
            Map.entry("checkin_policy", "catalog"), Map.entry("catalog_load", "catalog"),
            Map.entry("person", "people"), Map.entry("chat_identity", "people"),
            Map.entry("audience_member", "people"), Map.entry("erased_identity", "people"),
            Map.entry("pulse_round", "pulse"), Map.entry("delivery", "pulse"), Map.entry("answer", "pulse"),
            Map.entry("stakeholder_round", "pulse"), Map.entry("stakeholder_delivery", "pulse"),
            Map.entry("stakeholder_answer", "pulse"),
            Map.entry("usage_batch", "usage"), Map.entry("usage_event", "usage"), Map.entry("usage_source", "usage"),
            Map.entry("checkin_cycle", "checkin"), Map.entry("checkin", "checkin"),
            Map.entry("outcome_value", "checkin"),
            Map.entry("outcome_wave_value", "checkin"), Map.entry("programme_outcome_value", "checkin"),
            Map.entry("programme_checkin_cycle", "checkin"),
            Map.entry("programme_checkin", "checkin"),
            Map.entry("digest_run", "digest"), Map.entry("chart_image", "digest"),
            Map.entry("board_summary_run", "digest"),
            Map.entry("nudge", "nudge"), Map.entry("early_warning", "nudge"), Map.entry("owner_decision", "nudge"),
            Map.entry("outbox", "delivery"), Map.entry("message_edit", "delivery"),
            Map.entry("send_budget", "delivery"),
            Map.entry("slack_installation", "chat.slack"), Map.entry("oauth_state", "chat.slack"),
            Map.entry("inbound_seen", "chat.slack"),
            Map.entry("teams_installation", "chat.teams"),
            // Demo mode (V14): the demo's marker, and the simulated platforms' conversations.
            Map.entry("demo_marker", "demo"), Map.entry("web_chat_message", "chat.web"),
            // Quartz's clustered store (V10, PostgreSQL only): Quartz writes it, driven from schedule.
            Map.entry("qrtz_job_details", "schedule"), Map.entry("qrtz_triggers", "schedule"),
            Map.entry("qrtz_simple_triggers", "schedule"), Map.entry("qrtz_cron_triggers", "schedule"),
            Map.entry("qrtz_simprop_triggers", "schedule"), Map.entry("qrtz_blob_triggers", "schedule"),
            Map.entry("qrtz_calendars", "schedule"), Map.entry("qrtz_paused_trigger_grps", "schedule"),
            Map.entry("qrtz_fired_triggers", "schedule"), Map.entry("qrtz_scheduler_state", "schedule"),
            Map.entry("qrtz_locks", "schedule"),
            // The figures' version (V13, PostgreSQL only): its triggers write it, FigureVersion reads it.
            Map.entry("figure_version", "storage")));

    /**
     * The few places that write a table of another package, each for a reason: the person's row is the lock that
     * counts nudges to one person in turn on PostgreSQL, and the nudges check-ins cause are stored with every
     * other nudge so the weekly cap counts them. Reading another package's table has no such exception.
     */
    static final Set<String> SHARED_WRITES = Set.of(
            "nudge/NudgeRepository writes person",
            "checkin/CheckinRepositories writes person",
            "checkin/CheckinRepositories writes nudge",
            "checkin/CheckinNudgeRow maps nudge");

    static final Path MAIN = Path.of("src", "main", "java");
    static final Path MIGRATIONS = Path.of("migrations");

    private static final Pattern TABLE_REFERENCE = Pattern.compile(
            "\\b(INSERT\\s+INTO|UPDATE|DELETE\\s+FROM|FROM|JOIN)\\s+([a-z_][a-z0-9_]*)(\\s+[a-z_][a-z0-9_]*)?\\s*(,)?");
    private static final Pattern MAPPED_ENTITY = Pattern.compile(
            "@MappedEntity\\s*\\(\\s*(?:value\\s*=\\s*)?\"([a-z_][a-z0-9_]*)\"");
    private static final Pattern PACKAGE = Pattern.compile("^package io\\.uptake\\.([a-z.]+);", Pattern.MULTILINE);

    @Test
    void everyTableTheMigrationsLeaveHasAnOwner() throws IOException {
        assertThat(OWNER.keySet()).isEqualTo(schema().tables());
    }

    @Test
    void everyReadModelIsAViewOfOnePackagesTables() throws IOException {
        Schema schema = schema();

        assertThat(schema.views()).isNotEmpty();
        schema.views().forEach((view, tables) -> {
            assertThat(view).as("a read model's name").startsWith("read_");
            assertThat(tables).as("tables under " + view).isNotEmpty().allSatisfy(table -> assertThat(OWNER)
                    .as(view + " reads " + table).containsKey(table));
            assertThat(tables.stream().map(OWNER::get).distinct()).as("owners of the tables under " + view)
                    .hasSize(1);
        });
    }

    @Test
    void noClassReadsAnotherPackagesTablesExceptThroughItsReadModels() throws IOException {
        Set<String> views = schema().views().keySet();
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                found.addAll(accesses(Files.readString(file), views));
            }
        }

        assertThat(found).as("another package's tables read other than through its read_* views, or written "
                + "without a reason in SHARED_WRITES").filteredOn(access -> !SHARED_WRITES.contains(access))
                .isEmpty();
        assertThat(found).as("the shared writes still in the code").containsAll(SHARED_WRITES);
    }

    // The scanner seen failing, on small sources.

    @Test
    void aQueryJoiningAnotherPackagesTablesIsFound() {
        String source = """
                package io.uptake.metrics;

                final class Fixture {
                    static final String SQL = "SELECT r.period, a.value_int FROM answer a "
                            + "JOIN pulse_round r ON r.id = a.round_id WHERE a.question = 'trust'";
                }
                """;

        assertThat(accesses(source, Set.of("read_answer", "read_round")))
                .containsExactly("metrics/Fixture reads answer", "metrics/Fixture reads pulse_round");
    }

    @Test
    void theSameQueryOverTheReadModelsPasses() {
        String source = """
                package io.uptake.metrics;

                final class Fixture {
                    static final String SQL = "SELECT r.period, a.value_int FROM read_answer a "
                            + "JOIN read_round r ON r.id = a.round_id WHERE a.question = 'trust'";
                }
                """;

        assertThat(accesses(source, Set.of("read_answer", "read_round"))).isEmpty();
    }

    @Test
    void aRepositoryWritingAnotherPackagesTableIsFound() {
        String source = """
                package io.uptake.pulse;

                interface Fixture {
                    @Query(\"""
                            UPDATE usage_event SET count = 0
                            WHERE person_id = :personId\""")
                    int forget(Long personId);

                    @Query("SELECT * FROM delivery WHERE round_id = :roundId") // its own table
                    List<DeliveryRow> of(Long roundId);
                }
                """;

        assertThat(accesses(source, Set.of())).containsExactly("pulse/Fixture writes usage_event");
    }

    @Test
    void aTableBehindACommaOrInAnEntityOfAnotherPackageIsFound() {
        String source = """
                package io.uptake.digest;

                @MappedEntity(value = "checkin", escape = false)
                record Fixture(Long id) {
                    static final String SQL = "SELECT 1 FROM digest_run d, outbox o WHERE o.id = d.id";
                }
                """;

        assertThat(accesses(source, Set.of())).containsExactly("digest/Fixture reads outbox",
                "digest/Fixture maps checkin");
    }

    @Test
    void proseAndCommentsAreNotSql() {
        String source = """
                package io.uptake.digest;

                /** Reads the answers FROM answer, as a comment may say. */
                final class Fixture {
                    // "SELECT * FROM person"
                    static final String TEXT = "Replies from person to person";
                    static final char QUOTE = '"';
                    static final String AFTER = "no SQL here";
                }
                """;

        assertThat(accesses(source, Set.of())).isEmpty();
    }

    /**
     * The accesses in one source file to tables its package does not own, as {@code package/Class reads table},
     * {@code writes table} or {@code maps table}; views in {@code readModels} may be read by anyone.
     */
    static List<String> accesses(String source, Set<String> readModels) {
        Matcher pkg = PACKAGE.matcher(source);
        if (!pkg.find()) {
            return List.of();
        }
        String packageName = pkg.group(1);
        Matcher type = Pattern.compile("\\b(?:class|interface|record|enum)\\s+(\\w+)").matcher(stripComments(source));
        String where = packageName.replace('.', '/') + "/" + (type.find() ? type.group(1) : "?");
        Set<String> found = new LinkedHashSet<>();
        for (String sql : statements(source)) {
            Matcher m = TABLE_REFERENCE.matcher(sql);
            while (m.find()) {
                String table = m.group(2);
                boolean write = !m.group(1).equals("FROM") && !m.group(1).equals("JOIN");
                if (!write && readModels.contains(table)) {
                    continue;
                }
                String owner = OWNER.get(table);
                if (owner != null && !owns(packageName, owner)) {
                    found.add(where + (write ? " writes " : " reads ") + table);
                }
                if (m.group(4) != null) {
                    // FROM a x, b: the table after the comma is read as well.
                    Matcher next = Pattern.compile("\\G\\s*([a-z_][a-z0-9_]*)").matcher(sql);
                    if (next.find(m.end())) {
                        String other = next.group(1);
                        if (OWNER.containsKey(other) && !owns(packageName, OWNER.get(other))) {
                            found.add(where + " reads " + other);
                        }
                    }
                }
            }
        }
        Matcher entity = MAPPED_ENTITY.matcher(stripComments(source));
        while (entity.find()) {
            String owner = OWNER.get(entity.group(1));
            if (owner != null && !owns(packageName, owner)) {
                found.add(where + " maps " + entity.group(1));
            }
        }
        return new ArrayList<>(found);
    }

    private static boolean owns(String packageName, String owner) {
        return packageName.equals(owner) || packageName.startsWith(owner + ".");
    }

    /**
     * The string literals and text blocks of each Java statement (up to a {@code ;} or a brace outside literals),
     * joined with a space, so SQL split over concatenated pieces reads whole; comments and char literals skipped.
     */
    static List<String> statements(String source) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                i = lineEnd(source, i);
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                end = end < 0 ? n : end;
                current.append(' ').append(source, i + 3, end);
                i = Math.min(n, end + 3);
            } else if (c == '"' || c == '\'') {
                StringBuilder literal = new StringBuilder();
                int j = i + 1;
                while (j < n && source.charAt(j) != c) {
                    if (source.charAt(j) == '\\' && j + 1 < n) {
                        j++;
                    }
                    literal.append(source.charAt(j));
                    j++;
                }
                if (c == '"') {
                    current.append(' ').append(literal);
                }
                i = j + 1;
            } else {
                if ((c == ';' || c == '{' || c == '}') && !current.isEmpty()) {
                    statements.add(current.toString());
                    current.setLength(0);
                }
                i++;
            }
        }
        if (!current.isEmpty()) {
            statements.add(current.toString());
        }
        return statements;
    }

    private static int lineEnd(String source, int from) {
        int end = source.indexOf('\n', from);
        return end < 0 ? source.length() : end;
    }

    private static String stripComments(String source) {
        return source.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\n]*", " ");
    }

    /** The tables the migrations leave, and each view with the tables it reads. */
    record Schema(Set<String> tables, Map<String, Set<String>> views) {
    }

    static Schema schema() throws IOException {
        Set<String> tables = new TreeSet<>();
        Map<String, Set<String>> views = new TreeMap<>();
        Pattern create = Pattern.compile("CREATE TABLE (\\w+)");
        Pattern drop = Pattern.compile("DROP TABLE (?:IF EXISTS )?(\\w+)");
        Pattern rename = Pattern.compile("ALTER TABLE (\\w+) RENAME TO (\\w+)");
        Pattern view = Pattern.compile("CREATE VIEW (\\w+) AS(.*?);", Pattern.DOTALL);
        Pattern from = Pattern.compile("\\b(?:FROM|JOIN)\\s+(\\w+)");
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql"))
                    .sorted(Comparator.comparingInt(SqlOwnershipTest::version)).toList()) {
                for (String line : Files.readString(file).replaceAll("--[^\n]*", "").split(";")) {
                    Matcher m = create.matcher(line);
                    if (m.find()) {
                        tables.add(m.group(1));
                    }
                    m = drop.matcher(line);
                    if (m.find()) {
                        tables.remove(m.group(1));
                    }
                    m = rename.matcher(line);
                    if (m.find()) {
                        tables.remove(m.group(1));
                        tables.add(m.group(2));
                    }
                    m = view.matcher(line + ";");
                    if (m.find()) {
                        Set<String> read = new TreeSet<>();
                        Matcher t = from.matcher(m.group(2));
                        while (t.find()) {
                            read.add(t.group(1));
                        }
                        views.put(m.group(1), read);
                    }
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return new Schema(tables, views);
    }

    private static int version(Path migration) {
        String name = migration.getFileName().toString();
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }
}
