package io.uptake.chat.slack;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.response.Response;
import io.uptake.platform.Platform;
import io.uptake.chat.PersonalCommands;
import io.uptake.message.ForgetMeConfirm;
import jakarta.inject.Singleton;
import java.util.Optional;

/** {@code /uptake}: a person's own settings; replies only they can see. */
@Singleton
class UptakeCommand implements SlackListener {

    static final String COMMAND = "/uptake";

    private final SlackPeople people;
    private final PersonalCommands commands;
    private final CheckinModal checkinModal;

    UptakeCommand(SlackPeople people, PersonalCommands commands, CheckinModal checkinModal) {
        this.people = people;
        this.commands = commands;
        this.checkinModal = checkinModal;
    }

    @Override
    public void register(App app) {
        app.command(COMMAND, (request, context) -> {
            SlashCommandPayload payload = request.getPayload();
            Optional<Long> found = people.person(payload.getTeamId(), payload.getUserId());
            if (found.isEmpty()) {
                return PrivateReply.ack(context, PersonalCommands.optsIn(payload.getText())
                        ? commands.run(people.optBackIn(payload.getTeamId(), payload.getUserId()), "optin")
                        : PersonalCommands.ERASED);
            }
            long person = found.get();
            String[] words = payload.getText() == null ? new String[0] : payload.getText().trim().split("\\s+", 2);
            if (words.length > 0 && words[0].equalsIgnoreCase("checkin")) {
                String reply = checkinModal.open(person, words.length > 1 ? words[1] : null, payload.getTriggerId(),
                        context.client(), text -> PrivateReply.later(context, text));
                return PrivateReply.ack(context, reply);
            }
            if (PersonalCommands.asksToConfirmErasure(payload.getText())) {
                return confirmErasure();
            }
            return PrivateReply.ack(context, commands.run(person, payload.getText(), Platform.SLACK));
        });
    }

    /** An ephemeral message with the erase and cancel buttons; {@link ForgetMeButtons} handles the click. */
    static Response confirmErasure() {
        SlackMessage message = BlockKit.render(new ForgetMeConfirm());
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("response_type", "ephemeral")
                .put("text", message.text());
        body.set("blocks", message.blocks());
        return Response.builder().statusCode(200).contentType("application/json; charset=utf-8")
                .body(body.toString()).build();
    }
}
