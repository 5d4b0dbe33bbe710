package io.uptake.catalog;

import java.util.List;

/** The target team of a workflow: who is asked and who counts towards weekly active use. */
public sealed interface Audience {

    /** The programmes-file key that declares this kind of audience. */
    String kind();

    /** Members of a Slack channel. */
    record SlackChannel(String channelId) implements Audience {
        public String kind() {
            return "slack-channel";
        }
    }

    /** Members of a Slack user group. */
    record SlackUsergroup(String usergroupId) implements Audience {
        public String kind() {
            return "slack-usergroup";
        }
    }

    /** Members of a Microsoft Teams team. */
    record TeamsTeam(String teamId) implements Audience {
        public String kind() {
            return "teams-team";
        }
    }

    /** People named by email, found on whichever platform knows them. */
    record Emails(List<String> emails) implements Audience {
        public Emails {
            emails = List.copyOf(emails);
        }

        public String kind() {
            return "emails";
        }
    }
}
