package io.uptake.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.uptake.chat.slack.FakeSlackApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes the README's picture of a digest from a real run, not a mock-up: the scenario suite's organisation is
 * driven through the running service (real endpoints, fake Slack and Bot Connector on loopback) for 26 weeks, and
 * the last digest the bot posted to the leaders' Slack channel is kept as it went out: the chart PNG it uploaded,
 * and its messages' Block Kit transcribed to Markdown. Nothing is written when any figure disagreed with the
 * scenario's oracle.
 *
 * <p>Run from the project directory with the {@code bench} profile, whose only part used here is running a main
 * class on the test classpath in a JVM of its own:
 * <pre>
 * mvn -B -q -Pbench test-compile exec:exec -Dbench.main=io.uptake.scenario.DigestPicture
 * </pre>
 */
public final class DigestPicture {

    static final Path CHART = Path.of("src", "site", "resources", "images", "digest-chart.png");
    static final Path TEXT = Path.of("src", "site", "markdown", "digest-example.md");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Weeks driven: enough for the chart's 12 weeks and a habit figure, with workflows added and promoted. */
    static final int WEEKS = 26;
    private static final String COMMAND = "mvn -B -q -Pbench test-compile exec:exec "
            + "-Dbench.main=io.uptake.scenario.DigestPicture";

    private DigestPicture() {
    }

    public static void main(String[] args) throws Exception {
        int weeks = WEEKS;
        Scenario scenario = Scenario.generate(ScenarioYear.SEED, Size.CI);
        Path work = Files.createTempDirectory("uptake-digest-picture");
        try (ScenarioRun run = new ScenarioRun(scenario, Map.of("datasources.default.url",
                work.resolve("uptake.db").toString()), work.resolve("programmes.yml"))) {
            run.run(weeks);
            if (!run.findings.unexplained().isEmpty()) {
                throw new IllegalStateException("the run disagreed with the oracle, so no picture is written:\n"
                        + run.findings.report());
            }
            FakeSlackApi slack = run.slack().api();
            List<FakeSlackApi.Call> digest = lastDigest(slack);
            FakeSlackApi.Call upload = lastChartUpload(slack);
            String fileId = JSON.readTree(upload.params().get("files")).get(0).get("id").asText();
            Files.write(CHART, slack.uploaded().get(fileId));
            Files.writeString(TEXT, page(scenario, weeks, digest, upload));
            System.out.println("Wrote " + CHART + " and " + TEXT + " (" + digest.size() + " message(s)).");
        }
        System.exit(0);
    }

    /** The messages of the last digest posted to the leaders' channel: its parts share a title. */
    private static List<FakeSlackApi.Call> lastDigest(FakeSlackApi slack) throws IOException {
        List<FakeSlackApi.Call> posts = slack.calls("chat.postMessage").stream()
                .filter(c -> ScenarioRun.LEADERS_SLACK.equals(c.params().get("channel"))).toList();
        if (posts.isEmpty()) {
            throw new IllegalStateException("no digest reached " + ScenarioRun.LEADERS_SLACK);
        }
        String title = title(posts.get(posts.size() - 1));
        return posts.stream().filter(p -> title(p).equals(title)).toList();
    }

    private static String title(FakeSlackApi.Call post) {
        try {
            return JSON.readTree(post.params().get("blocks")).get(0).path("text").path("text").asText()
                    .replaceAll(" \\(\\d+/\\d+\\)$", "");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static FakeSlackApi.Call lastChartUpload(FakeSlackApi slack) {
        List<FakeSlackApi.Call> uploads = slack.calls("files.completeUploadExternal").stream()
                .filter(c -> ScenarioRun.LEADERS_SLACK.equals(c.params().get("channel_id"))).toList();
        if (uploads.isEmpty()) {
            throw new IllegalStateException("no chart was uploaded to " + ScenarioRun.LEADERS_SLACK);
        }
        return uploads.get(uploads.size() - 1);
    }

    private static String page(Scenario scenario, int weeks, List<FakeSlackApi.Call> digest, FakeSlackApi.Call upload)
            throws IOException {
        StringBuilder out = new StringBuilder("# A weekly digest, as the bot posted it\n\n")
                .append("The digest Uptake posted to a leaders' Slack channel after ").append(weeks)
                .append(" simulated weeks of the scenario suite's organisation (seed ").append(scenario.seed())
                .append("), every figure of which matched the suite's independent oracle. Its Block Kit is ")
                .append("transcribed here to Markdown: bold as Slack shows it, ⚠️ for `:warning:`, and each ")
                .append("workflow's figures as a list where Slack lays them out in two columns. The chart ")
                .append("follows as the file the bot uploaded, with its caption.\n\n")
                .append("Written by `io.uptake.scenario.DigestPicture` (test code); to write it again:\n\n```sh\n")
                .append(COMMAND).append("\n```\n");
        for (FakeSlackApi.Call post : digest) {
            out.append("\n---\n\n");
            for (JsonNode block : JSON.readTree(post.params().get("blocks"))) {
                out.append(markdown(block)).append('\n');
            }
        }
        out.append("\n---\n\n").append(mrkdwn(upload.params().getOrDefault("initial_comment", ""))).append("\n\n")
                .append("![The digest's chart](../resources/images/digest-chart.png)\n");
        return out.toString();
    }

    private static String markdown(JsonNode block) {
        return switch (block.path("type").asText()) {
            case "header" -> "### " + block.path("text").path("text").asText() + "\n";
            case "context" -> {
                StringBuilder text = new StringBuilder();
                block.path("elements").forEach(e -> text.append(text.isEmpty() ? "" : " ")
                        .append(mrkdwn(e.path("text").asText())));
                yield "<sub>" + text + "</sub>\n";
            }
            case "section" -> {
                StringBuilder text = new StringBuilder(mrkdwn(block.path("text").path("text").asText())
                        .replace("\n", "  \n")).append('\n');
                if (block.has("fields")) {
                    text.append('\n');
                    block.path("fields").forEach(f -> text.append("- ").append(mrkdwn(f.path("text").asText())
                            .replaceFirst("\n", ": ").replace("\n", " ")).append('\n'));
                }
                yield text.toString();
            }
            default -> "";
        };
    }

    /** Slack's bold is one star, Markdown's two; the warning emoji is named in mrkdwn. */
    private static String mrkdwn(String text) {
        return text.replaceAll("(?<![*\\w])\\*([^*\\n]+)\\*(?![*\\w])", "**$1**").replace(":warning:", "⚠️");
    }
}
