package io.uptake.chat.teams;

import com.microsoft.bot.schema.teams.TeamsChannelAccount;

/** What Uptake reads from a Teams member's profile. */
final class Members {

    private Members() {
    }

    /** The email, or the sign-in name when it looks like one; null when Teams gives neither. */
    static String email(TeamsChannelAccount member) {
        if (looksLikeEmail(member.getEmail())) {
            return member.getEmail().trim();
        }
        return looksLikeEmail(member.getUserPrincipalName()) ? member.getUserPrincipalName().trim() : null;
    }

    /** The Azure AD object id, under whichever name the API used. */
    static String aadObjectId(TeamsChannelAccount member) {
        return member.getAadObjectId() != null ? member.getAadObjectId() : member.getObjectId();
    }

    private static boolean looksLikeEmail(String value) {
        return value != null && value.indexOf('@') > 0 && !value.isBlank();
    }
}
