package io.uptake.chat;

import io.uptake.checkin.ChangeStage;
import io.uptake.checkin.CheckinResult;
import io.uptake.checkin.OpenCheckinForm;
import java.util.stream.Collectors;

/** The words both chat adapters use for check-in and stage outcomes that are not a form: plain text, light markdown. */
public final class CheckinReplies {

    static final String BAD_STAGE = "Say `stage <workflow> production` or `stage <workflow> retired`.";

    private CheckinReplies() {
    }

    /** Why there is no form to show, or which workflow to name. */
    public static String of(OpenCheckinForm.Result result) {
        if (result instanceof OpenCheckinForm.Result.Form form) {
            return "Opening the check-in form for " + form.form().workflowName() + ".";
        }
        if (result instanceof OpenCheckinForm.Result.Choose choose) {
            return "You own several workflows. Name one:\n" + choose.workflows().stream()
                    .map(c -> "• `checkin " + c.id() + "`: " + c.name()).collect(Collectors.joining("\n"));
        }
        if (result instanceof OpenCheckinForm.Result.NotOwner notOwner) {
            return notOwner(notOwner.owner(), notOwner.workflowName());
        }
        if (result instanceof OpenCheckinForm.Result.NoOutcome none) {
            return noOutcome(none.workflowName());
        }
        if (result instanceof OpenCheckinForm.Result.UnknownWorkflow unknown) {
            return unknown(unknown.workflowId());
        }
        return "You own no workflow with an outcome, so there is no check-in for you to log. Check-ins come from "
                + "each workflow's owner as named in the programmes file.";
    }

    /** What a submission comes to, in words: the receipt when saved, otherwise why not. */
    public static String of(CheckinResult result) {
        if (result instanceof CheckinResult.Saved saved) {
            return saved.confirmation().fallbackText();
        }
        if (result instanceof CheckinResult.NotOwner notOwner) {
            return notOwner(notOwner.owner(), notOwner.workflowName());
        }
        if (result instanceof CheckinResult.Invalid invalid) {
            return String.join(" ", invalid.errors().values());
        }
        if (result instanceof CheckinResult.ConfirmValue confirm) {
            return confirm.question();
        }
        if (result instanceof CheckinResult.NoOutcome none) {
            return noOutcome(none.workflowName());
        }
        return unknown(((CheckinResult.UnknownWorkflow) result).workflowId());
    }

    public static String of(ChangeStage.Result result) {
        if (result instanceof ChangeStage.Result.Changed changed) {
            return changed.workflowName() + " is now in " + changed.stage() + ", since " + changed.since()
                    + ". Recorded in its stage history.";
        }
        if (result instanceof ChangeStage.Result.Unchanged same) {
            return same.workflowName() + " is already in " + same.stage() + ".";
        }
        if (result instanceof ChangeStage.Result.NotOwner notOwner) {
            return "Only " + notOwner.owner() + " can change the stage of " + notOwner.workflowName() + ".";
        }
        if (result instanceof ChangeStage.Result.UnknownWorkflow unknown) {
            return unknown(unknown.workflowId());
        }
        return BAD_STAGE;
    }

    private static String notOwner(String owner, String workflowName) {
        return "Only " + owner + " can log " + workflowName + "'s check-in.";
    }

    private static String noOutcome(String workflowName) {
        return workflowName + " declares no outcome in the programmes file, so there is nothing to check in.";
    }

    private static String unknown(String workflowId) {
        return "There is no active workflow `" + workflowId + "`.";
    }
}
