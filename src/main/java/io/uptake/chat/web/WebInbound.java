package io.uptake.chat.web;

import io.micronaut.context.annotation.Requires;
import io.uptake.chat.CheckinReplies;
import io.uptake.chat.PersonalCommands;
import io.uptake.checkin.CheckinCommand;
import io.uptake.checkin.CheckinResult;
import io.uptake.checkin.OpenCheckinForm;
import io.uptake.checkin.SubmitCheckin;
import io.uptake.delivery.Dispatcher;
import io.uptake.message.ChatMessage;
import io.uptake.message.CheckinRequest;
import io.uptake.message.ForgetMeConfirm;
import io.uptake.message.MessageCodec;
import io.uptake.people.LinkIdentity;
import io.uptake.platform.Platform;
import io.uptake.pulse.AnswerCommand;
import io.uptake.pulse.AnswerResult;
import io.uptake.pulse.AnswerWriter;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What a person does in the simulated chat, handled as the Slack and Teams adapters handle it: the person is the
 * one the platform says clicked or typed, and each action goes to the same use case (answers to
 * {@link AnswerWriter}, commands to {@link PersonalCommands}, the check-in form to {@link SubmitCheckin}). What the
 * bot answers at once is kept in the conversation; what it sends later goes through the outbox, which
 * {@link #deliver} empties so the page shows it.
 */
@Singleton
@Requires(property = "uptake.demo", value = "true")
public class WebInbound {

    private final LinkIdentity identities;
    private final AnswerWriter answers;
    private final PersonalCommands commands;
    private final OpenCheckinForm openCheckinForm;
    private final SubmitCheckin submitCheckin;
    private final Transcripts transcripts;
    private final MessageCodec codec;
    private final Dispatcher dispatcher;
    private final Clock clock;
    private final WebDirectory directory;

    WebInbound(WebDirectory directory, LinkIdentity identities, AnswerWriter answers, PersonalCommands commands,
               OpenCheckinForm openCheckinForm, SubmitCheckin submitCheckin, Transcripts transcripts,
               MessageCodec codec, Dispatcher dispatcher, Clock clock) {
        this.directory = directory;
        this.identities = identities;
        this.answers = answers;
        this.commands = commands;
        this.openCheckinForm = openCheckinForm;
        this.submitCheckin = submitCheckin;
        this.transcripts = transcripts;
        this.codec = codec;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    /** The person behind a simulated user; empty for one never seen, or erased at their request. */
    public Optional<Long> person(Platform platform, String userId) {
        return identities.find(platform, WebTenants.of(platform), userId);
    }

    /**
     * A click on an answer button, or a comment sent; queued with other clicks and recorded in a batch.
     * Refusals are told to the person only, as on Slack.
     */
    public CompletableFuture<AnswerResult> answer(Platform platform, String userId, long roundId, String question,
                                                  String value, String ballot) {
        Optional<Long> person = person(platform, userId);
        if (person.isEmpty()) {
            AnswerResult refused = new AnswerResult.NotInvited();
            reply(platform, userId, refused.message());
            return CompletableFuture.completedFuture(refused);
        }
        return answers.submit(new AnswerCommand(roundId, person.get(), question, value,
                ballot == null || ballot.isBlank() ? null : ballot)).thenApply(result -> {
                    if (!(result instanceof AnswerResult.Recorded)) {
                        reply(platform, userId, result.message());
                    }
                    return result;
                });
    }

    /** What the bot answers to a typed command: words, or a message such as the check-in form. */
    public sealed interface CommandReply {
        record Text(String text) implements CommandReply {
        }

        record Message(ChatMessage message) implements CommandReply {
        }
    }

    /** A command typed to the bot ({@code help}, {@code optout}, {@code checkin} ...), as the Teams chat takes them. */
    public CommandReply command(Platform platform, String userId, String typed) {
        String text = typed == null ? "" : typed.strip();
        keep(platform, userId, TranscriptEntry.TYPED, text);
        CommandReply reply = run(platform, userId, text);
        if (reply instanceof CommandReply.Message m) {
            keep(platform, userId, m.message().kind(), codec.write(m.message()));
        } else {
            reply(platform, userId, ((CommandReply.Text) reply).text());
        }
        return reply;
    }

    private CommandReply run(Platform platform, String userId, String text) {
        Optional<Long> person = person(platform, userId);
        if (person.isEmpty()) {
            if (!PersonalCommands.optsIn(text)) {
                return new CommandReply.Text(PersonalCommands.ERASED);
            }
            // As Slack looks the user up: they come back with their profile from the directory.
            LinkIdentity.ChatUser user = directory.user(platform, userId).map(WebDirectory::chatUser)
                    .orElse(new LinkIdentity.ChatUser(platform, WebTenants.of(platform), userId, null, null, null,
                            null, null, null));
            return new CommandReply.Text(commands.run(identities.optBackIn(user), "optin", platform));
        }
        String[] words = text.split("\\s+", 2);
        if (words[0].equalsIgnoreCase("checkin")) {
            OpenCheckinForm.Result result = openCheckinForm.open(person.get(), words.length > 1 ? words[1] : null);
            return result instanceof OpenCheckinForm.Result.Form form
                    ? new CommandReply.Message(new CheckinRequest(form.form(), 0))
                    : new CommandReply.Text(CheckinReplies.of(result));
        }
        if (PersonalCommands.asksToConfirmErasure(text)) {
            return new CommandReply.Message(new ForgetMeConfirm());
        }
        return new CommandReply.Text(commands.run(person.get(), text, platform));
    }

    /** The check-in form submitted; a saved check-in is confirmed in the conversation. */
    public CheckinResult checkin(Platform platform, String userId, CheckinFields fields) {
        Optional<Long> person = person(platform, userId);
        if (person.isEmpty()) {
            return new CheckinResult.UnknownWorkflow(fields.workflowId());
        }
        CheckinResult result = submitCheckin.submit(new CheckinCommand(fields.workflowId(), person.get(),
                fields.value(), fields.status(), fields.confidence(), fields.evidence(), fields.note(), null,
                fields.confirm()));
        if (result instanceof CheckinResult.Saved saved) {
            keep(platform, userId, saved.confirmation().kind(), codec.write(saved.confirmation()));
        }
        return result;
    }

    /** The check-in form of a workflow as it stands for this person, or why there is none. */
    public OpenCheckinForm.Result checkinForm(Platform platform, String userId, String workflowId) {
        Optional<Long> person = person(platform, userId);
        return person.isEmpty() ? new OpenCheckinForm.Result.OwnsNone()
                : openCheckinForm.open(person.get(), workflowId);
    }

    /** Sends what the outbox holds that is due, as the dispatcher would within its next pass. */
    public void deliver() {
        dispatcher.dispatchDue();
    }

    /** The fields of the check-in form, as typed. */
    public record CheckinFields(String workflowId, String value, String status, String confidence, String evidence,
                                String note, String confirm) {
    }

    private void reply(Platform platform, String userId, String text) {
        keep(platform, userId, TranscriptEntry.REPLY, text);
    }

    private void keep(Platform platform, String userId, String kind, String payload) {
        transcripts.add(platform, WebTenants.of(platform), userId, kind, payload,
                Instant.now(clock).truncatedTo(ChronoUnit.MILLIS));
    }
}
