package io.uptake.chat.slack;

import java.util.List;

/** The Slack workspaces Uptake is installed in, each with its bot token. */
interface SlackWorkspaces {

    /** One installed workspace. */
    record Workspace(String teamId, String botToken) {
    }

    List<Workspace> all();
}
