package io.uptake.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.glassfish.tyrus.server.Server;
import org.junit.jupiter.api.Test;

/**
 * Socket Mode end to end: Uptake asks the (fake) Web API for a WebSocket URL, connects to a loopback endpoint
 * playing Slack, receives a {@code /uptake} command there and answers it in the envelope's acknowledgement.
 */
class SlackSocketModeTest {

    @Test
    void aSlashCommandArrivesOverTheSocketAndIsAnsweredInTheAck() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Server socketServer = new Server("127.0.0.1", port, "/ws", Map.of(), FakeSocketModeEndpoint.class);
        socketServer.start();
        FakeSocketModeEndpoint.ACKS.clear();
        FakeSocketModeEndpoint.ENVELOPES.clear();
        FakeSocketModeEndpoint.ENVELOPES.add("""
                {"envelope_id":"env-1","type":"slash_commands","accepts_response_payload":true,
                 "payload":{"token":"t","team_id":"T0TEAM","team_domain":"x","channel_id":"D1","channel_name":"dm",
                  "user_id":"U1","user_name":"ana","command":"/uptake","text":"help","api_app_id":"A1",
                  "response_url":"https://hooks.invalid/x","trigger_id":"1.2"}}""");
        try (FakeSlackApi slackApi = FakeSlackApi.start()) {
            for (int i = 0; i < 5; i++) {
                slackApi.answer("apps.connections.open", 200,
                        "{\"ok\":true,\"url\":\"ws://127.0.0.1:" + port + "/ws/link\"}", Map.of());
            }
            for (int i = 0; i < 3; i++) {
                slackApi.answer("auth.test", 200, "{\"ok\":true,\"team_id\":\"T0TEAM\",\"user_id\":\"UBOT\","
                        + "\"bot_id\":\"B1\"}", Map.of());
            }
            try (ApplicationContext context = ApplicationContext.builder().environments("test").properties(Map.of(
                    "uptake.slack.app-token", "xapp-test", "uptake.slack.bot-token", "xoxb-test",
                    "uptake.slack.signing-secret", "", "uptake.slack.api-url", slackApi.url())).start()) {

                String ack = FakeSocketModeEndpoint.ACKS.poll(30, TimeUnit.SECONDS);

                assertThat(slackApi.calls("apps.connections.open")).isNotEmpty()
                        .allSatisfy(c -> assertThat(c.token()).isEqualTo("xapp-test"));
                assertThat(ack).isNotNull().contains("\"envelope_id\":\"env-1\"", "pause [2w]");
                assertThat(context.getBean(SlackSocketMode.class).connected()).isTrue();
            }
        } finally {
            socketServer.stop();
        }
    }
}
