package io.uptake.chat.teams;

import java.util.Map;

/** What the fuzz suite needs to post authenticated activities: the settings and a channel token. */
public final class TeamsFuzzAccess {

    private TeamsFuzzAccess() {
    }

    /** The service's settings for the Teams adapter with an app id, its keys and Bot Connector on loopback. */
    public static Map<String, Object> authenticated() {
        FakeBotConnector connector = FakeBotConnector.get();
        return Map.of("uptake.teams.app-id", TeamsTestContext.APP_ID, "uptake.teams.app-password", "test-secret",
                "uptake.teams.app-tenant-id", TeamsTestContext.APP_TENANT,
                "uptake.teams.openid-metadata-url", connector.openIdUrl(),
                "uptake.teams.service-url", connector.url());
    }

    /** Insecure local mode, replies going to the fake Bot Connector. */
    public static Map<String, Object> insecure() {
        return Map.of("uptake.teams.insecure-local", "true", "uptake.teams.service-url", FakeBotConnector.get().url());
    }

    /** The fake Bot Connector's address, for activities' serviceUrl. */
    public static String serviceUrl() {
        return FakeBotConnector.get().url();
    }

    /** Forgets what the fake Bot Connector recorded, so a long run does not keep every reply it sent. */
    public static void forgetConnectorCalls() {
        FakeBotConnector.get().reset();
    }

    /** A valid channel token for the test app id naming this service URL. */
    public static String token(String serviceUrl) {
        return Tokens.channel(TeamsTestContext.APP_ID, serviceUrl);
    }

    /** A well-formed personal-chat text message activity. */
    public static String textMessage(String tenant, String user, String text) {
        return TeamsActivity.text(tenant, user, text).json();
    }

    /** A well-formed installation activity. */
    public static String installation(String tenant, String user) {
        return TeamsActivity.installation("add", tenant, user).json();
    }

    /** A well-formed Action.Execute click on an answer. */
    public static String execute(String tenant, String user) {
        return TeamsActivity.execute(tenant, user, CardData.VERB, CardData.of(1, "trust", "4", null)).json();
    }
}
