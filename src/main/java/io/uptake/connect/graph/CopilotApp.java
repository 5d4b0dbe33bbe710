package io.uptake.connect.graph;

/**
 * The Microsoft 365 apps the Copilot usage report gives a last-activity date for: the report's JSON field and the
 * feature name Uptake records, which a workflow's {@code usage.features} may list.
 */
enum CopilotApp {

    TEAMS("microsoftTeamsCopilotLastActivityDate", "teams"),
    WORD("wordCopilotLastActivityDate", "word"),
    OUTLOOK("outlookCopilotLastActivityDate", "outlook"),
    EXCEL("excelCopilotLastActivityDate", "excel"),
    POWERPOINT("powerPointCopilotLastActivityDate", "powerpoint"),
    ONENOTE("oneNoteCopilotLastActivityDate", "onenote"),
    LOOP("loopCopilotLastActivityDate", "loop"),
    COPILOT_CHAT("copilotChatLastActivityDate", "copilot-chat");

    private final String field;
    private final String feature;

    CopilotApp(String field, String feature) {
        this.field = field;
        this.feature = feature;
    }

    /** The report's JSON field holding this app's last day of Copilot use. */
    String field() {
        return field;
    }

    /** The feature name in usage events. */
    String feature() {
        return feature;
    }
}
