package io.uptake.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import io.uptake.delivery.ChannelAddresses;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which workspace a digest channel named only by its id lives in. */
class SlackChannelsTest {

    final FakeSlackApi api = FakeSlackApi.start();
    final Slack slack = Slack.getInstance(config());

    SlackConfig config() {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(api.url());
        return config;
    }

    @AfterEach
    void stop() throws Exception {
        slack.close();
        api.close();
    }

    SlackChannels channels(SlackWorkspaces.Workspace... workspaces) {
        return new SlackChannels(() -> List.of(workspaces), slack.methods());
    }

    @Test
    void withOneWorkspaceTheChannelIsThereWithoutAsking() {
        var address = channels(new SlackWorkspaces.Workspace("T1", "xoxb-1")).address("C0LEADERS");

        assertThat(address).contains(new ChannelAddresses.Address("T1", "C0LEADERS"));
        assertThat(api.calls("conversations.info")).isEmpty();
    }

    @Test
    void withSeveralWorkspacesItIsTheOneWhoseBotCanSeeTheChannel() {
        api.answer("conversations.info", 200, "{\"ok\":false,\"error\":\"channel_not_found\"}", Map.of());

        var address = channels(new SlackWorkspaces.Workspace("T1", "xoxb-1"),
                new SlackWorkspaces.Workspace("T2", "xoxb-2")).address("C0LEADERS");

        assertThat(address).contains(new ChannelAddresses.Address("T2", "C0LEADERS"));
        assertThat(api.calls("conversations.info")).extracting(FakeSlackApi.Call::token)
                .containsExactly("xoxb-1", "xoxb-2");
    }

    @Test
    void aChannelNoWorkspaceCanSeeHasNoAddress() {
        api.answer("conversations.info", 200, "{\"ok\":false,\"error\":\"channel_not_found\"}", Map.of());
        api.answer("conversations.info", 200, "{\"ok\":false,\"error\":\"channel_not_found\"}", Map.of());

        assertThat(channels(new SlackWorkspaces.Workspace("T1", "xoxb-1"),
                new SlackWorkspaces.Workspace("T2", "xoxb-2")).address("C0LEADERS")).isEmpty();
    }
}
