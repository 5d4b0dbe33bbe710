package io.uptake.chat.slack;

import com.slack.api.bolt.App;

/** One kind of Slack request Uptake handles; each registers its handler with the Bolt app. */
interface SlackListener {

    void register(App app);
}
