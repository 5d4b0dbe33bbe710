package io.uptake.chat.teams;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;

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
}
