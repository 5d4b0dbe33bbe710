package io.uptake.chat.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import io.uptake.people.LinkIdentity;
import io.uptake.pulse.AnswerResult;
import io.uptake.pulse.RecordAnswer;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A click on an answer button: records the answer for the person who clicked. The message itself is edited
 * through the outbox; refusals (round closed, not invited, old anonymous message) are told to the person only.
 */
@Singleton
class AnswerButtons implements SlackListener {

    private static final Logger LOG = LoggerFactory.getLogger(AnswerButtons.class);

    private final LinkIdentity identities;
    private final RecordAnswer recordAnswer;

    AnswerButtons(LinkIdentity identities, RecordAnswer recordAnswer) {
        this.identities = identities;
        this.recordAnswer = recordAnswer;
    }

    @Override
    public void register(App app) {
        app.blockAction(PulseActions.ANSWER_ACTIONS, this::clicked);
    }

    Response clicked(BlockActionRequest request, ActionContext context) {
        BlockActionPayload payload = request.getPayload();
        Optional<AnswerCommandParts> parts = payload.getActions().stream().findFirst()
                .flatMap(action -> AnswerButtonValue.decode(action.getValue()));
        if (parts.isEmpty()) {
            LOG.warn("Slack answer click with an unreadable value from team {}", payload.getTeam().getId());
            return context.ack();
        }
        Optional<Long> person = identities.find("slack", payload.getTeam().getId(), payload.getUser().getId());
        AnswerResult result = person.map(id -> recordAnswer.record(parts.get().toCommand(id)))
                .orElse(new AnswerResult.NotInvited());
        if (!(result instanceof AnswerResult.Recorded)) {
            tellOnly(context, result.message());
        }
        return context.ack();
    }

    private static void tellOnly(ActionContext context, String text) {
        try {
            context.respond(r -> r.responseType("ephemeral").replaceOriginal(false).text(text));
        } catch (java.io.IOException e) {
            LOG.warn("Could not tell a Slack user why their answer was refused: {}", e.getClass().getSimpleName());
        }
    }
}
