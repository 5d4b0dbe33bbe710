package io.uptake.chat.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.AdaptiveCardInvokeResponse;
import io.micronaut.context.annotation.Requires;
import io.uptake.chat.CheckinReplies;
import io.uptake.checkin.CheckinCommand;
import io.uptake.checkin.CheckinResult;
import io.uptake.checkin.OpenCheckinForm;
import io.uptake.checkin.SubmitCheckin;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Saves a check-in form card: by {@code Action.Execute} (answered with the receipt card, or the form again with
 * its field errors, or asking whether an unlikely value is right) or by the {@code Action.Submit} fallback
 * (answered in the chat). The value is read as the Teams client's locale writes numbers. Invalid input stores
 * nothing.
 */
@Singleton
@Requires(condition = TeamsOn.class)
class CheckinCardActions {

    private static final List<String> FIELDS = List.of(CheckinCommand.VALUE, CheckinCommand.STATUS,
            CheckinCommand.CONFIDENCE, CheckinCommand.EVIDENCE, CheckinCommand.NOTE, CheckinCommand.CONFIRM);

    private final SubmitCheckin submit;
    private final OpenCheckinForm openForm;
    private final TeamsPeople people;

    CheckinCardActions(SubmitCheckin submit, OpenCheckinForm openForm, TeamsPeople people) {
        this.submit = submit;
        this.openForm = openForm;
        this.people = people;
    }

    /** Whether a card's data is a check-in form's. */
    static boolean isCheckin(Object value) {
        return CheckinCards.MARK_VALUE.equals(Activities.value(value).path(CardData.MARK).asText());
    }

    AdaptiveCardInvokeResponse invoked(Activity activity) {
        JsonNode data = Activities.value(activity.getValue()).path("action").path("data");
        Optional<Long> person = person(activity);
        if (person.isEmpty()) {
            return CardInvokeResponses.message("Uptake does not know you yet. Open the app's chat and type help.");
        }
        CheckinResult result = save(person.get(), data, activity);
        if (result instanceof CheckinResult.Saved saved) {
            return CardInvokeResponses.card(CheckinCards.saved(saved.confirmation()));
        }
        if (result instanceof CheckinResult.ConfirmValue confirm
                && openForm.open(person.get(), workflowId(data)) instanceof OpenCheckinForm.Result.Form form) {
            return CardInvokeResponses.card(CheckinCards.confirming(form.form(), typed(data), confirm));
        }
        if (result instanceof CheckinResult.Invalid invalid
                && openForm.open(person.get(), workflowId(data)) instanceof OpenCheckinForm.Result.Form form) {
            return CardInvokeResponses.card(CheckinCards.refused(form.form(), typed(data), invalid.errors()));
        }
        return CardInvokeResponses.message(CheckinReplies.of(result));
    }

    /** The reply to an {@code Action.Submit} of the form. */
    String submitted(Activity activity) {
        Optional<Long> person = person(activity);
        if (person.isEmpty()) {
            return "Uptake does not know you yet. Type help first.";
        }
        CheckinResult result = save(person.get(), Activities.value(activity.getValue()), activity);
        return result instanceof CheckinResult.Invalid || result instanceof CheckinResult.ConfirmValue
                ? "Not saved: " + CheckinReplies.of(result) : CheckinReplies.of(result);
    }

    private CheckinResult save(long personId, JsonNode data, Activity activity) {
        Map<String, String> typed = typed(data);
        return submit.submit(new CheckinCommand(workflowId(data), personId, typed.get(CheckinCommand.VALUE),
                typed.get(CheckinCommand.STATUS), typed.get(CheckinCommand.CONFIDENCE),
                typed.get(CheckinCommand.EVIDENCE), typed.get(CheckinCommand.NOTE), locale(activity),
                typed.get(CheckinCommand.CONFIRM)));
    }

    /** The locale the Teams client runs in, as the activity says (kept aside by {@link InboundActivities}). */
    private static String locale(Activity activity) {
        return activity.getProperties().get(TeamsPeople.LOCALE) instanceof TextNode t ? t.asText() : null;
    }

    private Optional<Long> person(Activity activity) {
        return activity.getFrom() == null ? Optional.empty()
                : people.find(Activities.tenantId(activity), activity.getFrom().getId());
    }

    private static String workflowId(JsonNode data) {
        return data.path("workflowId").asText("");
    }

    private static Map<String, String> typed(JsonNode data) {
        Map<String, String> typed = new LinkedHashMap<>();
        for (String field : FIELDS) {
            JsonNode value = data.path(CheckinCards.INPUT_PREFIX + field);
            if (value.isValueNode() && !value.asText().isBlank()) {
                typed.put(field, value.asText());
            }
        }
        return typed;
    }
}
