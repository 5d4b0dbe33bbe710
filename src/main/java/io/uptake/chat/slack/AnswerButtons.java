package io.uptake.chat.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import io.uptake.people.LinkIdentity;
import io.uptake.platform.Platform;
import io.uptake.pulse.AnswerResult;
import io.uptake.pulse.AnswerWriter;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A click on an answer button: records the answer for the person who clicked. The message itself is edited
 * through the outbox; refusals (round closed, not invited, old anonymous message) are told to the person only.
 */
@Singleton
class AnswerButtons implements SlackListener {

    private static final Logger LOG = LoggerFactory.getLogger(AnswerButtons.class);

    /** Slack shows the person an error if the ack takes more than 3 s; a queued answer is still recorded. */
    private static final long WAIT_MILLIS = 2_000;

    private final LinkIdentity identities;
    private final AnswerWriter answers;

    AnswerButtons(LinkIdentity identities, AnswerWriter answers) {
        this.identities = identities;
        this.answers = answers;
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
        Optional<Long> person = identities.find(Platform.SLACK, payload.getTeam().getId(), payload.getUser().getId());
        if (person.isEmpty()) {
            PrivateReply.tell(context, new AnswerResult.NotInvited().message());
            return context.ack();
        }
        try {
            AnswerResult result = answers.submit(parts.get().toCommand(person.get()))
                    .get(WAIT_MILLIS, TimeUnit.MILLISECONDS);
            if (!(result instanceof AnswerResult.Recorded)) {
                PrivateReply.tell(context, result.message());
            }
        } catch (TimeoutException e) {
            LOG.warn("Slack answer from team {} still queued after {} ms; acknowledged, it will be recorded",
                    payload.getTeam().getId(), WAIT_MILLIS);
        } catch (ExecutionException e) {
            LOG.error("Could not record a Slack answer from team {}", payload.getTeam().getId(), e.getCause());
            PrivateReply.tell(context, "Sorry, your answer could not be recorded just now. Please try again.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return context.ack();
    }
}
