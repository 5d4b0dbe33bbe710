package io.uptake.chat.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import io.uptake.chat.PersonalCommands;
import io.uptake.message.ForgetMeConfirm;
import io.uptake.people.LinkIdentity;
import io.uptake.platform.Platform;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * The buttons under {@code /uptake forget-me}: "Yes, erase my data" erases the person who clicked, Cancel does
 * nothing; either way the question is replaced by what happened.
 */
@Singleton
class ForgetMeButtons implements SlackListener {

    private final LinkIdentity identities;
    private final PersonalCommands commands;

    ForgetMeButtons(LinkIdentity identities, PersonalCommands commands) {
        this.identities = identities;
        this.commands = commands;
    }

    @Override
    public void register(App app) {
        app.blockAction(PersonalBlocks.FORGET_CONFIRM, (request, context) -> clicked(request, context,
                ForgetMeConfirm.CONFIRM_COMMAND));
        app.blockAction(PersonalBlocks.FORGET_CANCEL, (request, context) -> clicked(request, context,
                ForgetMeConfirm.CANCEL_COMMAND));
    }

    private Response clicked(BlockActionRequest request, ActionContext context, String command) {
        BlockActionPayload payload = request.getPayload();
        // Only a known identity can be erased: a click from someone Uptake never saw creates nobody.
        Optional<Long> person = identities.find(Platform.SLACK, payload.getTeam().getId(), payload.getUser().getId());
        String reply = person.map(id -> commands.run(id, command)).orElse("There is nothing of yours to erase.");
        PrivateReply.replace(context, reply);
        return context.ack();
    }
}
