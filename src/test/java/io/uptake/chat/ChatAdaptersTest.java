package io.uptake.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChatAdaptersTest {

    @Test
    void slackIsOffWithoutCredentialsAndSaysWhatTurnsItOn() {
        ChatAdapters.Adapter slack = ChatAdapters.slack(false, false, false, false, false);

        assertThat(slack.on()).isFalse();
        assertThat(slack.advice()).contains("SLACK_SIGNING_SECRET", "SLACK_BOT_TOKEN");
    }

    @Test
    void slackIsOnForOneWorkspaceWithASigningSecretAndABotToken() {
        assertThat(ChatAdapters.slack(true, true, false, false, false).mode()).isEqualTo("single-workspace");
    }

    @Test
    void slackRunsOverOAuthWithASigningSecretAndClientCredentials() {
        assertThat(ChatAdapters.slack(true, false, true, true, false).mode()).isEqualTo("oauth");
        assertThat(ChatAdapters.slack(true, false, true, false, false).advice()).contains("needs both");
    }

    @Test
    void socketModeNeedsAnAppTokenAndABotToken() {
        assertThat(ChatAdapters.slack(false, true, false, false, true).mode()).isEqualTo("socket-mode");
        assertThat(ChatAdapters.slack(false, false, false, false, true).advice())
                .startsWith("Socket Mode needs SLACK_BOT_TOKEN");
    }

    @Test
    void aBotTokenWithoutSigningSecretLeavesSlackOffAndSaysWhy() {
        ChatAdapters.Adapter slack = ChatAdapters.slack(false, true, false, false, false);

        assertThat(slack.on()).isFalse();
        assertThat(slack.advice()).startsWith("SLACK_SIGNING_SECRET is missing");
    }

    @Test
    void teamsInsecureLocalIsRefusedAlongsideAnAppId() {
        ChatAdapters.Adapter teams = ChatAdapters.teams(true, true, true);

        assertThat(teams.on()).isFalse();
        assertThat(teams.mode()).isEqualTo("refused");
    }

    @Test
    void teamsIsOnWithAnAppIdAndPassword() {
        assertThat(ChatAdapters.teams(true, true, false).mode()).isEqualTo("authenticated");
        assertThat(ChatAdapters.teams(false, false, true).mode()).isEqualTo("insecure-local");
        assertThat(ChatAdapters.teams(false, false, false).on()).isFalse();
    }
}
