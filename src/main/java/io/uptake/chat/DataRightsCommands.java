package io.uptake.chat;

import io.uptake.platform.Platform;
import io.uptake.message.ForgetMeConfirm;
import io.uptake.people.ExportMyData;
import io.uptake.people.ForgetMe;
import jakarta.inject.Singleton;
import java.util.Locale;

/**
 * The personal commands about a person's own data: {@code mydata} sends them an export, {@code forget-me} asks
 * them to confirm and {@code forget-me confirm} erases them.
 */
@Singleton
class DataRightsCommands {

    static final String MY_DATA = "mydata";
    static final String FORGET_ME = "forget-me";
    static final String ERASED = "Done: your email, name, time zone and chat accounts are erased, your comments "
            + "deleted and your answers and usage no longer linked to you. Uptake kept only a one-way fingerprint of "
            + "your email and chat accounts, so no team list or directory sync adds you back: you get nothing more "
            + "from Uptake unless you type `optin`, which makes you a new participant.";

    private final ExportMyData export;
    private final ForgetMe forgetMe;

    DataRightsCommands(ExportMyData export, ForgetMe forgetMe) {
        this.export = export;
        this.forgetMe = forgetMe;
    }

    String myData(long personId, Platform from) {
        return export.send(personId, from) instanceof ExportMyData.Result.Sent
                ? "On its way: everything Uptake holds about you is coming in a private message. Uptake does not "
                + "keep a copy of that message once it is delivered."
                : "I could not find your Uptake profile, so there is nothing to send.";
    }

    /** @param rest what followed the command: {@code confirm}, {@code cancel} or nothing */
    String forgetMe(long personId, String rest) {
        return switch (rest) {
            case "confirm" -> forgetMe.erase(personId) instanceof ForgetMe.Result.Erased
                    ? ERASED
                    : "There is nothing of yours left to erase.";
            case "cancel" -> "Nothing was erased.";
            default -> new ForgetMeConfirm().fallbackText();
        };
    }

    static boolean asksToConfirm(String text) {
        String line = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        return line.equals(FORGET_ME) || line.equals("forgetme");
    }
}
