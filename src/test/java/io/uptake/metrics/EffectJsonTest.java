package io.uptake.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The effect goes into the scorecard's JSON with its kind: an estimate, or why there is none. */
@MicronautTest(startApplication = false)
class EffectJsonTest {

    @Inject
    JsonMapper json;

    @Test
    void anEstimateAndARefusalEachSayWhichTheyAre() throws IOException {
        String estimate = json.writeValueAsString(new Holder(new Effect.Estimate(-6.2, -9.1, -3.3, 0.95, 40, -15.5,
                48, 14, "m")));
        String none = json.writeValueAsString(new Holder(new Effect.NotEstimable(Effect.Reason.TOO_FEW_PEOPLE,
                "Too few.")));

        Map<?, ?> e = (Map<?, ?>) json.readValue(estimate, Map.class).get("effect");
        Map<?, ?> n = (Map<?, ?>) json.readValue(none, Map.class).get("effect");
        assertThat(e.get("kind")).isEqualTo("estimate");
        assertThat(((Number) e.get("effect")).doubleValue()).isEqualTo(-6.2);
        assertThat(((Number) e.get("people")).intValue()).isEqualTo(48);
        assertThat(n.get("kind")).isEqualTo("not-estimable");
        assertThat(n.get("reason")).isEqualTo("TOO_FEW_PEOPLE");
        assertThat(n.get("words")).isEqualTo("Too few.");
    }

    @io.micronaut.serde.annotation.Serdeable
    record Holder(Effect effect) {
    }
}
