package io.uptake.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.uptake.platform.Platform;
import io.uptake.delivery.Envelope;
import io.uptake.delivery.SendResult;
import io.uptake.message.PulseQuestion;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** With a bot token configured the gateway is a bean that speaks to {@code SLACK_API_URL} with that token. */
class SlackGatewayBeanTest {

    @Test
    void withABotTokenTheGatewaySendsThroughTheConfiguredApiWithThatToken() {
        try (FakeSlackApi api = FakeSlackApi.start();
                ApplicationContext context = ApplicationContext.run(Map.of("uptake.slack.bot-token", "xoxb-configured",
                        "uptake.slack.signing-secret", "secret", "uptake.slack.api-url", api.url()),
                        Environment.TEST)) {
            SlackGateway gateway = context.getBean(SlackGateway.class);

            SendResult result = gateway.send(new Envelope(1, Platform.SLACK, "T1", "U42",
                    new PulseQuestion(TestCards.card(TestCards.usage())), Optional.empty()));

            assertThat(result).isEqualTo(new SendResult.Sent("D42|1700000000.000100"));
            assertThat(api.calls("chat.postMessage")).singleElement()
                    .satisfies(call -> assertThat(call.token()).isEqualTo("xoxb-configured"));
        }
    }
}
