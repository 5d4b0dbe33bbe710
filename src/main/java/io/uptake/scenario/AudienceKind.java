package io.uptake.scenario;

/** The four audience kinds of the programmes file, with the key each is written under. */
public enum AudienceKind {
    EMAILS("emails"), SLACK_CHANNEL("slack-channel"), SLACK_USERGROUP("slack-usergroup"), TEAMS_TEAM("teams-team");

    private final String key;

    AudienceKind(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
