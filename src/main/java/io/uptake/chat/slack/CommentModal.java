package io.uptake.chat.slack;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import io.uptake.people.LinkIdentity;
import io.uptake.platform.Platform;
import io.uptake.pulse.AnswerResult;
import io.uptake.pulse.AnswerWriter;
import io.uptake.pulse.CommentPrompt;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The "Write a comment" button opens a modal; its submission is recorded like any answer, errors shown inline. */
@Singleton
class CommentModal implements SlackListener {

    static final String CALLBACK = "pulse_comment_modal";
    static final String BLOCK = "comment";
    static final String INPUT = "comment_text";
    private static final Logger LOG = LoggerFactory.getLogger(CommentModal.class);

    private static final int MAX_NOTE = 2000;

    private final LinkIdentity identities;
    private final AnswerWriter answers;
    private final CommentPrompt prompt;

    CommentModal(LinkIdentity identities, AnswerWriter answers, CommentPrompt prompt) {
        this.identities = identities;
        this.answers = answers;
        this.prompt = prompt;
    }

    @Override
    public void register(App app) {
        app.blockAction(PulseActions.COMMENT_ACTIONS, this::open);
        app.viewSubmission(CALLBACK, this::submitted);
    }

    Response open(BlockActionRequest request, ActionContext context) {
        BlockActionPayload payload = request.getPayload();
        String value = payload.getActions().isEmpty() ? null : payload.getActions().get(0).getValue();
        Optional<AnswerCommandParts> parts = AnswerButtonValue.decode(value);
        if (parts.isEmpty()) {
            return context.ack();
        }
        View modal = view(value, prompt.note(parts.get().roundId(), parts.get().question()).orElse(null));
        try {
            var response = context.client().viewsOpen(r -> r.triggerId(payload.getTriggerId()).view(modal));
            if (!response.isOk()) {
                LOG.warn("Slack views.open failed: {}", response.getError());
            }
        } catch (Exception e) {
            LOG.warn("Slack views.open could not be reached", e);
        }
        return context.ack();
    }

    /** The modal, carrying the clicked button's value, which names the round and question, as its metadata. */
    static View view(String buttonValue) {
        return view(buttonValue, null);
    }

    /** The same, with the notice of who reads the comment and when under the box, when the question has one. */
    static View view(String buttonValue, String note) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(input(i -> i.blockId(BLOCK).label(plainText("Anything else?"))
                .element(plainTextInput(p -> p.actionId(INPUT).multiline(true).maxLength(2000)))));
        if (note != null && !note.isBlank()) {
            blocks.add(context(List.of(plainText(SlackText.plainLine(note, MAX_NOTE)))));
        }
        return com.slack.api.model.view.Views.view(v -> v.type("modal").callbackId(CALLBACK)
                .privateMetadata(buttonValue)
                .title(viewTitle(t -> t.type("plain_text").text("Your comment")))
                .submit(viewSubmit(s -> s.type("plain_text").text("Send")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(blocks));
    }

    Response submitted(ViewSubmissionRequest request, ViewSubmissionContext context) {
        var payload = request.getPayload();
        Optional<AnswerCommandParts> parts = AnswerButtonValue.decode(payload.getView().getPrivateMetadata());
        Optional<Long> person = identities.find(Platform.SLACK, payload.getTeam().getId(), payload.getUser().getId());
        if (parts.isEmpty() || person.isEmpty()) {
            return context.ackWithErrors(Map.of(BLOCK, new AnswerResult.NotInvited().message()));
        }
        AnswerResult result = answers.record(parts.get().withValue(typed(payload.getView().getState()))
                .toCommand(person.get()));
        return result instanceof AnswerResult.Recorded ? context.ack()
                : context.ackWithErrors(Map.of(BLOCK, result.message()));
    }

    private static String typed(ViewState state) {
        if (state == null || state.getValues() == null || !state.getValues().containsKey(BLOCK)) {
            return "";
        }
        ViewState.Value value = state.getValues().get(BLOCK).get(INPUT);
        return value == null || value.getValue() == null ? "" : value.getValue();
    }
}
