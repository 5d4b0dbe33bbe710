package io.uptake.chat.web;

import io.uptake.platform.Platform;

/** The one simulated Slack workspace and Teams tenant the demo's people are in. */
public final class WebTenants {

    public static final String SLACK_TEAM = "T0DEMO";
    public static final String TEAMS_TENANT = "demo-tenant";

    private WebTenants() {
    }

    public static String of(Platform platform) {
        return platform == Platform.SLACK ? SLACK_TEAM : TEAMS_TENANT;
    }
}
