package io.uptake.scenario;

import io.uptake.chat.slack.FakeSlackApi;
import io.uptake.chat.teams.FakeBotConnector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the owner and the sponsor read of a closed round's comments: by the README, one message each when at least
 * 10 people answered the round and someone wrote a comment, none otherwise; what they read holds every comment with
 * the names, email addresses and phone numbers people wrote taken out.
 */
final class CommentChecks {

    static final int MIN_FREE_TEXT = 10;
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._-]+@scenario\\.example");
    private static final Pattern PHONE = Pattern.compile("7946 \\d{4}");

    private final ScenarioRun run;

    CommentChecks(ScenarioRun run) {
        this.run = run;
    }

    private void check(int week, String workflow, String figure, Object expected, Object actual) {
        run.findings.check(String.valueOf(expected).equals(String.valueOf(actual)), new Finding(run.scenario.seed(),
                week, "messages", workflow, figure, String.valueOf(expected), String.valueOf(actual)));
    }

    /**
     * @param slackFrom the Slack posts made before the round opened
     * @param teamsFrom the Teams posts made before it
     */
    void round(ScenarioPulse pulse, int week, int slackFrom, int teamsFrom) {
        ScenarioWorkflow workflow = run.scenario.workflow(pulse.workflowId());
        List<String> comments = new ArrayList<>();
        for (Map<String, String> answers : run.oracle.round(pulse.id(), week).values()) {
            if (answers.containsKey("blockers-comment")) {
                comments.add(answers.get("blockers-comment"));
            }
        }
        int respondents = run.oracle.respondents(pulse.id(), week).size();
        boolean shown = respondents >= MIN_FREE_TEXT && !comments.isEmpty();
        String heading = comments.size() + (comments.size() == 1 ? " comment" : " comments") + " on "
                + workflow.name();
        for (String reader : List.of(workflow.ownerEmail(), run.scenario.programme(workflow.programmeId())
                .sponsorEmail())) {
            List<String> got = received(run.people().get(reader), workflow.name(), slackFrom, teamsFrom);
            check(week, workflow.id(), "comments to " + reader, shown ? 1 : 0, got.size());
            if (got.size() != 1 || !shown) {
                continue;
            }
            String text = got.get(0);
            check(week, workflow.id(), "comments heading", true, text.contains(heading));
            check(week, workflow.id(), "comments without emails", false, EMAIL.matcher(text).find());
            check(week, workflow.id(), "comments without phone numbers", false, PHONE.matcher(text).find());
            for (String comment : comments) {
                String kept = comment.substring(comment.lastIndexOf(' ', comment.indexOf(" about ") > 0
                        ? comment.indexOf(" about ") : comment.indexOf(" for ")) + 1);
                check(week, workflow.id(), "comment kept: " + kept, true, text.contains(kept));
                String named = comment.startsWith("Waiting on ") ? comment.substring("Waiting on ".length(),
                        comment.indexOf(" for ")) : null;
                if (named != null) {
                    check(week, workflow.id(), "name removed: " + named, false, text.contains(named));
                }
            }
        }
    }

    /** The comments messages about the workflow the reader got since the round opened, as text. */
    private List<String> received(ScenarioPerson reader, String workflowName, int slackFrom, int teamsFrom) {
        List<String> got = new ArrayList<>();
        Pattern about = Pattern.compile("\\d+ comments? on " + Pattern.quote(workflowName));
        if (reader.platform() == Platform.SLACK) {
            List<FakeSlackApi.Call> posts = run.slack().api().calls("chat.postMessage");
            for (FakeSlackApi.Call post : posts.subList(slackFrom, posts.size())) {
                String all = post.params().getOrDefault("text", "") + post.params().getOrDefault("blocks", "");
                String channel = post.params().getOrDefault("channel", "");
                if (channel.length() > 1 && ("U" + channel.substring(1)).equals(reader.chatId())
                        && about.matcher(all).find()) {
                    got.add(all);
                }
            }
        } else if (reader.platform() == Platform.TEAMS) {
            List<FakeBotConnector.Call> posts = run.teams().posted();
            for (FakeBotConnector.Call post : posts.subList(teamsFrom, posts.size())) {
                String all = post.body().toString();
                if (reader.chatId().equals(run.teams().userOf(post)) && about.matcher(all).find()) {
                    got.add(all);
                }
            }
        }
        return got;
    }
}
