package io.uptake.message;

import io.micronaut.serde.annotation.Serdeable;

/** Asks a person to confirm that Uptake should erase their data, with buttons to go ahead or cancel. */
@Serdeable
public record ForgetMeConfirm() implements ChatMessage {

    public static final String KIND = "forget_me_confirm";
    /** The words that confirm, typed or sent by a button. */
    public static final String CONFIRM_COMMAND = "forget-me confirm";
    public static final String CANCEL_COMMAND = "forget-me cancel";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String fallbackText() {
        return "Erase your data from Uptake? Your email, name, time zone and chat accounts are removed, your "
                + "comments deleted, and your answers and usage unlinked from you (they still count, without your "
                + "name, in totals). Uptake keeps only a one-way fingerprint of your email and chat accounts, so "
                + "that a team list or directory sync does not add you back: it sends you nothing more until you "
                + "type `optin` yourself. This cannot be undone. Reply `" + CONFIRM_COMMAND + "` to go ahead.";
    }
}
