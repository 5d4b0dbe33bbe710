package io.uptake.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.uptake.chat.slack.FakeSlackApi;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The measured effect of {@link EffectEndToEndTest} with a {@code cycle-time:} block that names the task and types
 * no {@code baseline-minutes}: every figure is the same, the baseline sampled in chat by the pre-rollout pulse
 * ({@code cycleBaseline.source: sampled}), and the pulse asks about the task by name.
 */
class TaskOnlyCycleTimeEndToEndTest extends EffectEndToEndTest {

    static final String TASK = "Review one contract";

    @Override
    String cycleTime() {
        return "        cycle-time: { task: " + TASK + " }\n";
    }

    @Test
    void theCatalogueShowsTheTaskWithNoTypedBaseline() throws Exception {
        JsonNode cycle = null;
        for (JsonNode programme : get("/api/v1/programmes")) {
            for (JsonNode workflow : programme.path("workflows")) {
                if (workflow.path("id").asText().equals("review")) {
                    cycle = workflow.path("cycleTime");
                }
            }
        }
        assertThat(cycle).isNotNull();
        assertThat(cycle.path("task").asText()).isEqualTo(TASK);
        assertThat(cycle.path("baselineMinutes").isMissingNode() || cycle.path("baselineMinutes").isNull()).isTrue();
    }

    @Test
    void theLiveWavesPulseAsksAboutTheTaskByName() {
        List<FakeSlackApi.Call> posts = slack.api().calls("chat.postMessage");
        assertThat(posts).anyMatch(p -> p.params().getOrDefault("blocks", "")
                .contains("How long does this task take you now: " + TASK + "?"));
    }
}
