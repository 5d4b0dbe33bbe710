package io.uptake.chat.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import io.uptake.chat.PersonalCommands;
import io.uptake.message.EarlyWarning;
import io.uptake.people.LinkIdentity;
import io.uptake.platform.Platform;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * The Scale / Fix / Stop buttons of a pilot's early warning: a click runs {@code decide <workflow> <choice>} for the
 * person who clicked, as typing it would, and the acknowledgement appears next to the warning, which stays.
 */
@Singleton
class DecisionButtons implements SlackListener {

    private final LinkIdentity identities;
    private final PersonalCommands commands;

    DecisionButtons(LinkIdentity identities, PersonalCommands commands) {
        this.identities = identities;
        this.commands = commands;
    }

    @Override
    public void register(App app) {
        for (String choice : EarlyWarning.CHOICES) {
            app.blockAction(PersonalBlocks.DECIDE + choice, (request, context) -> clicked(request, context, choice));
        }
    }

    private Response clicked(BlockActionRequest request, ActionContext context, String choice) {
        BlockActionPayload payload = request.getPayload();
        String workflowId = payload.getActions() == null || payload.getActions().isEmpty() ? ""
                : String.valueOf(payload.getActions().get(0).getValue());
        Optional<Long> person = identities.find(Platform.SLACK, payload.getTeam().getId(), payload.getUser().getId());
        String reply = person.map(id -> commands.run(id, EarlyWarning.command(workflowId, choice), Platform.SLACK))
                .orElse("Uptake does not know you yet, so it cannot record a decision.");
        PrivateReply.tell(context, reply);
        return context.ack();
    }
}
