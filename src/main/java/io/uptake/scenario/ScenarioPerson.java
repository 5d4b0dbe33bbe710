package io.uptake.scenario;

/**
 * One generated person.
 *
 * @param chatId their Slack user id ({@code U…}) or Teams user id ({@code 29:…}); empty for {@link Platform#NONE}
 */
public record ScenarioPerson(String email, String name, String zone, String locale, Platform platform,
                             String chatId) {

    /** Their GitHub login, as the programmes file's {@code github-logins} maps it: their email's local part. */
    public String githubLogin() {
        return githubLogin(email);
    }

    public static String githubLogin(String email) {
        return email.substring(0, email.indexOf('@')).replace('.', '-').replace('_', '-');
    }
}
