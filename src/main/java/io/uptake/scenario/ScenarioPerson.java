package io.uptake.scenario;

/**
 * One generated person.
 *
 * @param chatId their Slack user id ({@code U…}) or Teams user id ({@code 29:…}); empty for {@link Platform#NONE}
 */
public record ScenarioPerson(String email, String name, String zone, String locale, Platform platform,
                             String chatId) {
}
