package io.uptake.chat;

import io.uptake.platform.Platform;
import io.uptake.checkin.ChangeStage;
import io.uptake.digest.WorkflowStatus;
import io.uptake.message.EarlyWarning;
import io.uptake.nudge.RecordDecision;
import io.uptake.people.PersonPreferences;
import io.uptake.pulse.WithdrawComments;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The personal commands both chat adapters offer ({@code /uptake ...} on Slack, the same words in the Teams
 * chat): help, pause, resume, optout, optin, stage. Replies are plain text with light markdown.
 */
@Singleton
public class PersonalCommands {

    static final String HELP = """
            *Uptake* asks short pulses about the AI-assisted ways of working your team is trying, so leaders can \
            see what is really changing.
            • `help`: this message
            • `pause [2w]`: no pulses or nudges for a while (days `d` or weeks `w`; default 2w, at most 90d)
            • `resume`: end a pause
            • `optout`: stop all pulses and nudges
            • `optin`: start them again
            • `checkin [workflow]`: log your workflow's outcome check-in (owners only)
            • `stage <workflow> production|retired`: move your workflow to production or retire it (owners only)
            • `decide <workflow> scale|fix|stop`: record your decision on your pilot (owners only; the latest counts)
            • `status <workflow>`: the workflow's scorecard for last week (figures on too few answers are hidden)
            • `mydata`: get everything Uptake holds about you, in a private message
            • `forget-me`: erase your data from Uptake (asks you to confirm first)
            • `withdraw`: take back your comments in pulses still open""";

    /** The reply to someone who had Uptake erase them and writes to it again without opting back in. */
    public static final String ERASED = "You asked Uptake to erase your data, so it keeps nothing about you and "
            + "sends you nothing, even though you are still on a team's list. To take part again, type `optin`.";

    private static final Pattern PAUSE = Pattern.compile("(\\d{1,3})\\s*([dw])");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);

    private final PersonPreferences preferences;
    private final ChangeStage changeStage;
    private final DataRightsCommands dataRights;
    private final WorkflowStatus status;
    private final WithdrawComments withdrawComments;
    private final RecordDecision recordDecision;

    PersonalCommands(PersonPreferences preferences, ChangeStage changeStage, DataRightsCommands dataRights,
                     WorkflowStatus status, WithdrawComments withdrawComments, RecordDecision recordDecision) {
        this.recordDecision = recordDecision;
        this.withdrawComments = withdrawComments;
        this.preferences = preferences;
        this.changeStage = changeStage;
        this.dataRights = dataRights;
        this.status = status;
    }

    /** Runs one command for a person and returns the reply; unknown words get the help. */
    public String run(long personId, String text) {
        return run(personId, text, null);
    }

    /**
     * Runs one command typed on a platform; replies that come as a message of their own (such as the data
     * export) go to the person there.
     */
    public String run(long personId, String text, Platform from) {
        String line = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        String word = line.isEmpty() ? "help" : line.split("\\s+", 2)[0];
        String rest = line.length() > word.length() ? line.substring(word.length()).trim() : "";
        return switch (word) {
            case "pause" -> pause(personId, rest);
            case "resume" -> preferences.resume(personId) ? "Welcome back: pulses and nudges will reach you again."
                    : notFound();
            case "optout", "opt-out" -> preferences.optOut(personId)
                    ? "You are opted out: no more pulses or nudges. `optin` brings them back." : notFound();
            case "optin", "opt-in" -> preferences.optIn(personId)
                    ? "You are opted in again, and any pause is over: pulses and nudges will reach you again. Thanks!"
                    : notFound();
            case "stage" -> stage(personId, rest);
            case "status" -> status(rest);
            case "help" -> HELP;
            case "withdraw" -> withdraw(personId);
            case EarlyWarning.COMMAND -> decide(personId, rest);
            case DataRightsCommands.MY_DATA -> dataRights.myData(personId, from);
            case DataRightsCommands.FORGET_ME, "forgetme" -> dataRights.forgetMe(personId, rest);
            default -> "I don't know `" + word + "`.\n" + HELP;
        };
    }

    /** Whether the words are the opt-in command, the one command that brings back someone who was erased. */
    public static boolean optsIn(String text) {
        String line = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return line.equals("optin") || line.equals("opt-in");
    }

    /** Whether the words ask to erase the person's data without confirming yet: adapters then show buttons. */
    public static boolean asksToConfirmErasure(String text) {
        return DataRightsCommands.asksToConfirm(text);
    }

    private String pause(long personId, String rest) {
        Duration duration = Duration.ofDays(14);
        if (!rest.isEmpty()) {
            Matcher m = PAUSE.matcher(rest);
            if (!m.matches() || Integer.parseInt(m.group(1)) == 0) {
                return "Say how long, like `pause 3d` or `pause 2w`.";
            }
            long days = Long.parseLong(m.group(1)) * (m.group(2).equals("w") ? 7 : 1);
            duration = Duration.ofDays(days);
        }
        boolean capped = duration.compareTo(PersonPreferences.MAX_PAUSE) > 0;
        Optional<Instant> until = preferences.pause(personId, duration);
        return until.map(u -> (capped ? "A pause lasts at most " + PersonPreferences.MAX_PAUSE.toDays()
                + " days, so you are paused until " : "Paused until ") + DAY.format(u.atZone(ZoneOffset.UTC))
                + ". `resume` ends the pause early" + (capped ? "; `optout` stops pulses and nudges for good." : ".")
        ).orElse(notFound());
    }

    private String stage(long personId, String rest) {
        String[] words = rest.split("\\s+");
        if (words.length != 2) {
            return CheckinReplies.of(new ChangeStage.Result.BadStage(rest));
        }
        return CheckinReplies.of(changeStage.change(personId, words[0], words[1]));
    }

    private String status(String workflowId) {
        if (workflowId.isBlank()) {
            return "Say which workflow, like `status claims-triage`.";
        }
        return status.describe(workflowId).orElse("I know no active workflow called `" + workflowId + "`.");
    }

    private String decide(long personId, String rest) {
        String[] words = rest.split("\\s+");
        if (words.length != 2) {
            return "Say which workflow and what you decided, like `decide claims-triage fix` (scale, fix or stop).";
        }
        RecordDecision.Result result = recordDecision.decide(personId, words[0], words[1]);
        if (result instanceof RecordDecision.Result.Recorded r) {
            return "Recorded: your decision on *" + r.workflow() + "* is *" + r.choice() + "* (" + r.day() + ")."
                    + (r.changedFrom() == null ? "" : " It replaces *" + r.changedFrom()
                    + "*; the earlier one stays in the history.")
                    + " You can change it any time with `decide " + r.workflowId() + " scale|fix|stop`.";
        }
        if (result instanceof RecordDecision.Result.BadChoice b) {
            return "`" + b.choice() + "` is not a decision: say scale, fix or stop.";
        }
        if (result instanceof RecordDecision.Result.NotOwner n) {
            return "Only the owner of `" + n.workflowId() + "` can record its decision.";
        }
        return "I know no active workflow called `" + words[0] + "`.";
    }

    private String withdraw(long personId) {
        WithdrawComments.Result result = withdrawComments.withdraw(personId);
        String done = result.withdrawn() == 0 ? "You have no comment in a pulse still open to withdraw."
                : result.withdrawn() == 1 ? "Your comment is withdrawn: it is deleted and nobody will read it."
                : "Your " + result.withdrawn() + " comments are withdrawn: they are deleted and nobody will read them.";
        String anonymous = result.anonymous() == 0 ? "" : " An anonymous comment is not linked to you, so only the "
                + "Withdraw my comment button in that pulse's latest message can take it back.";
        return done + anonymous + " Comments in closed pulses can no longer be withdrawn.";
    }

    private static String notFound() {
        return "I could not find your Uptake profile. Try again in a moment.";
    }
}
