package io.uptake.chat.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.bot.connector.authentication.AppCredentials;
import org.junit.jupiter.api.Test;

/** Outbound tokens come from the bot's own tenant when one is configured. */
class SingleTenantCredentialsTest {

    @Test
    void aTenantIdMakesTheBotAskItsOwnTenantForTokens() {
        AppCredentials credentials = BotFramework.of(settings("app", "secret", "c0ffee00-aaaa-bbbb-cccc-ddddeeeeffff"));

        assertThat(credentials.getAppId()).isEqualTo("app");
        assertThat(credentials.oAuthEndpoint())
                .isEqualTo("https://login.microsoftonline.com/c0ffee00-aaaa-bbbb-cccc-ddddeeeeffff");
    }

    @Test
    void withoutATenantTheBotFrameworkTenantIsUsed() {
        assertThat(BotFramework.of(settings("app", "secret", null)).oAuthEndpoint())
                .isEqualTo("https://login.microsoftonline.com/botframework.com");
    }

    @Test
    void insecureLocalModeSendsNoToken() {
        assertThat(BotFramework.of(new TeamsSettings(null, null, null, "https://metadata", true, "https://smba"))
                .getAppId()).isNull();
    }

    private static TeamsSettings settings(String appId, String password, String tenant) {
        return new TeamsSettings(appId, password, tenant, "https://metadata", false, "https://smba");
    }
}
