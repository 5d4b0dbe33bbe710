package io.uptake.chat.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The same malformed activities in insecure local mode, where no token is checked before the shape. */
@MicronautTest(transactional = false)
class TeamsMalformedActivityInsecureTest extends TeamsMalformedActivityTest {

    @Override
    public Map<String, String> getProperties() {
        return Map.of("uptake.teams.insecure-local", "true", "uptake.teams.service-url", connector.url());
    }

    @Override
    Answer send(String json) {
        return post(json, null);
    }

    @Test
    void aServiceUrlWithAQueryIs400() {
        // The fuzz suite's shape (here no token names the serviceUrl, so the activity's own is used): the SDK's
        // HTTP client cannot take a base URL whose path ends inside a query, and the reply failed with a 503.
        ObjectNode message = message("tenant-query", "29:query", "<at>Uptake</at> status claims-triage");
        message.put("serviceUrl", connector.url() + "../\uD83D\uDE00?");

        Answer answer = send(message.toString());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("serviceUrl").doesNotContain("Exception");
        assertThat(connector.calls()).isEmpty();
    }
}
