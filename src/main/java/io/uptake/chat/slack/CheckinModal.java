package io.uptake.chat.slack;


import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.view.ViewState;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.uptake.chat.CheckinReplies;
import io.uptake.checkin.CheckinCommand;
import io.uptake.checkin.CheckinResult;
import io.uptake.checkin.OpenCheckinForm;
import io.uptake.checkin.SubmitCheckin;
import io.uptake.people.LinkIdentity;
import io.uptake.platform.Platform;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The check-in form as a modal: opened by the "Log check-in" button or {@code /uptake checkin [workflow]}; its
 * submission is validated, field errors shown inline with nothing stored, an unlikely value asked about in the
 * form again, and a saved check-in answered with a receipt in place of the form.
 */
@Singleton
class CheckinModal implements SlackListener {

    private static final Logger LOG = LoggerFactory.getLogger(CheckinModal.class);

    static final String NOT_OPENED = "Slack did not open the check-in form. Please try again in a moment.";

    private final LinkIdentity identities;
    private final OpenCheckinForm openForm;
    private final SubmitCheckin submit;
    private final Executor afterAck;

    CheckinModal(LinkIdentity identities, OpenCheckinForm openForm, SubmitCheckin submit,
                 @Named(AfterAck.NAME) Executor afterAck) {
        this.identities = identities;
        this.openForm = openForm;
        this.submit = submit;
        this.afterAck = afterAck;
    }

    @Override
    public void register(App app) {
        app.blockAction(CheckinBlocks.OPEN_ACTION, this::clicked);
        app.viewSubmission(CheckinModalView.CALLBACK, this::submitted);
    }

    /**
     * Opens the form for a person once the request is acknowledged, or says at once why they may not log.
     * Slack's {@code views.open} is called after the ack, so a slow Slack API cannot make the request time out;
     * if it fails, {@code tellLater} is given the reason.
     *
     * @return the text to show them privately now; empty when the form is being opened
     */
    String open(long personId, String workflowId, String triggerId, MethodsClient client,
                Consumer<String> tellLater) {
        OpenCheckinForm.Result result = openForm.open(personId, workflowId);
        if (!(result instanceof OpenCheckinForm.Result.Form form)) {
            return CheckinReplies.of(result);
        }
        String view = CheckinModalView.render(form.form()).toString();
        afterAck.execute(() -> {
            if (!opened(client, triggerId, view)) {
                tellLater.accept(NOT_OPENED);
            }
        });
        return "";
    }

    private static boolean opened(MethodsClient client, String triggerId, String view) {
        try {
            var response = client.viewsOpen(r -> r.triggerId(triggerId).viewAsString(view));
            if (response.isOk()) {
                return true;
            }
            LOG.warn("Slack views.open failed for the check-in form: {}", response.getError());
        } catch (Exception e) {
            LOG.warn("Slack views.open could not be reached for the check-in form", e);
        }
        return false;
    }

    Response clicked(BlockActionRequest request, ActionContext context) {
        BlockActionPayload payload = request.getPayload();
        String workflowId = payload.getActions().isEmpty() ? null : payload.getActions().get(0).getValue();
        Optional<Long> person = identities.find(Platform.SLACK, payload.getTeam().getId(), payload.getUser().getId());
        if (workflowId == null || person.isEmpty()) {
            return context.ack();
        }
        Consumer<String> tell = text -> PrivateReply.tell(context, text);
        String problem = open(person.get(), workflowId, payload.getTriggerId(), context.client(), tell);
        if (!problem.isEmpty()) {
            tell.accept(problem);
        }
        return context.ack();
    }

    Response submitted(ViewSubmissionRequest request, ViewSubmissionContext context) {
        var payload = request.getPayload();
        String workflowId = payload.getView().getPrivateMetadata();
        Optional<Long> person = identities.find(Platform.SLACK, payload.getTeam().getId(), payload.getUser().getId());
        if (workflowId == null || workflowId.isBlank() || person.isEmpty()) {
            return context.ackWithErrors(Map.of(CheckinCommand.VALUE, "This form could not be matched to you."));
        }
        ViewState state = payload.getView().getState();
        Map<String, String> typed = new HashMap<>();
        for (String field : List.of(CheckinCommand.VALUE, CheckinCommand.EVIDENCE, CheckinCommand.NOTE)) {
            Optional.ofNullable(typed(state, field)).ifPresent(text -> typed.put(field, text));
        }
        for (String field : List.of(CheckinCommand.STATUS, CheckinCommand.CONFIDENCE)) {
            Optional.ofNullable(chosen(state, field)).ifPresent(code -> typed.put(field, code));
        }
        // Slack's interaction payloads carry no locale: the person's stored one (from their profile) is used.
        CheckinResult result = submit.submit(new CheckinCommand(workflowId, person.get(),
                typed.get(CheckinCommand.VALUE), typed.get(CheckinCommand.STATUS),
                typed.get(CheckinCommand.CONFIDENCE), typed.get(CheckinCommand.EVIDENCE),
                typed.get(CheckinCommand.NOTE), null, ticked(state, CheckinCommand.CONFIRM)));
        if (result instanceof CheckinResult.Invalid invalid) {
            return context.ackWithErrors(invalid.errors());
        }
        if (result instanceof CheckinResult.ConfirmValue confirm
                && openForm.open(person.get(), workflowId) instanceof OpenCheckinForm.Result.Form form) {
            return update(CheckinModalView.confirming(form.form(), typed, confirm));
        }
        if (result instanceof CheckinResult.Saved saved) {
            return update(CheckinModalView.saved(saved.confirmation()));
        }
        return context.ackWithErrors(Map.of(CheckinCommand.VALUE, CheckinReplies.of(result)));
    }

    /** Answers a submission by putting this view in the form's place. */
    private static Response update(ObjectNode view) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("response_action", "update");
        body.set("view", view);
        return Response.builder().statusCode(200).contentType("application/json; charset=utf-8")
                .body(body.toString()).build();
    }

    private static String typed(ViewState state, String field) {
        ViewState.Value value = value(state, field);
        return value == null ? null : value.getValue();
    }

    /** The value of the one ticked box of a checkboxes element, if any. */
    private static String ticked(ViewState state, String field) {
        ViewState.Value value = value(state, field);
        return value == null || value.getSelectedOptions() == null || value.getSelectedOptions().isEmpty() ? null
                : value.getSelectedOptions().get(0).getValue();
    }

    private static String chosen(ViewState state, String field) {
        ViewState.Value value = value(state, field);
        return value == null || value.getSelectedOption() == null ? null : value.getSelectedOption().getValue();
    }

    private static ViewState.Value value(ViewState state, String field) {
        if (state == null || state.getValues() == null || !state.getValues().containsKey(field)) {
            return null;
        }
        return state.getValues().get(field).get(field);
    }
}
