package io.uptake.chat.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.Serialization;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reading inbound activities: parsing the body, and the few facts about an activity the handlers need. */
final class Activities {

    /** The body is not an activity the bot can handle; the message says why. */
    static final class NotAnActivity extends Exception {
        private final int status;

        NotAnActivity(String message) {
            this(400, message);
        }

        NotAnActivity(int status, String message) {
            super(message);
            this.status = status;
        }

        /** 400 for a malformed activity, 413 for one too large to handle. */
        int status() {
            return status;
        }
    }

    private Activities() {
    }

    /** Parses a request body with the SDK's own mapper, which understands its Jackson annotations. */
    static Activity parse(String body) throws NotAnActivity {
        if (body == null || body.isBlank()) {
            throw new NotAnActivity("The body is empty: expected a Bot Framework activity as JSON.");
        }
        JsonNode tree;
        try {
            tree = Serialization.jsonToTree(body);
        } catch (IOException e) {
            throw new NotAnActivity("The body is not valid JSON: expected a Bot Framework activity.");
        }
        if (tree == null || !tree.isObject()) {
            throw new NotAnActivity("The body is not a JSON object: expected a Bot Framework activity.");
        }
        ActivityShape.bounds(tree);
        Activity activity = Serialization.treeToValue(tree, Activity.class);
        if (activity == null) {
            throw new NotAnActivity("The body could not be read as a Bot Framework activity.");
        }
        if (blank(activity.getType())) {
            throw new NotAnActivity("The activity has no type.");
        }
        if (activity.getConversation() == null || blank(activity.getConversation().getId())) {
            throw new NotAnActivity("The activity has no conversation id.");
        }
        if (!headerValue(activity.getConversation().getId())) {
            // A reply carries the id in the x-ms-conversation-id header, which refuses anything but printable ASCII.
            throw new NotAnActivity("The activity's conversation id has characters a reply cannot carry.");
        }
        if (!httpUrl(activity.getServiceUrl())) {
            throw new NotAnActivity("The activity has no http(s) serviceUrl.");
        }
        if (!Connectors.usable(activity.getServiceUrl())) {
            throw new NotAnActivity("The activity's serviceUrl cannot be replied to: it must be an http(s) URL "
                    + "without a query or fragment.");
        }
        ActivityShape.check(tree);
        return activity;
    }

    /** The Teams tenant: the conversation's, or the one in the channel data. */
    static String tenantId(Activity activity) {
        if (activity.getConversation() != null && !blank(activity.getConversation().getTenantId())) {
            return activity.getConversation().getTenantId();
        }
        JsonNode data = Serialization.objectToTree(activity.getChannelData());
        JsonNode id = data == null ? null : data.path("tenant").path("id");
        return id == null || id.isMissingNode() || id.asText().isBlank() ? "unknown" : id.asText();
    }

    /** {@code personal}, {@code channel} or {@code groupChat}. */
    static String conversationType(Activity activity) {
        String type = activity.getConversation().getConversationType();
        if (blank(type)) {
            return blank(activity.teamsGetTeamId()) ? "personal" : "channel";
        }
        return type;
    }

    static boolean personal(Activity activity) {
        return "personal".equals(conversationType(activity).toLowerCase(Locale.ROOT));
    }

    /** The team the activity happened in, if any. */
    static Optional<String> teamId(Activity activity) {
        return Optional.ofNullable(activity.teamsGetTeamId()).filter(id -> !id.isBlank());
    }

    /** Whether the bot itself is among these members. */
    static boolean includesBot(Activity activity, List<ChannelAccount> members) {
        String bot = activity.getRecipient() == null ? null : activity.getRecipient().getId();
        return members != null && bot != null && members.stream().anyMatch(m -> bot.equals(m.getId()));
    }

    /** The activity's value (a card's data) as a JSON tree; a missing node when there is none. */
    static JsonNode value(Object value) {
        JsonNode tree = value == null ? null : Serialization.objectToTree(value);
        return tree == null ? MissingNode.getInstance() : tree;
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static boolean headerValue(String value) {
        return value.chars().allMatch(c -> c == '\t' || (c >= 0x20 && c <= 0x7e));
    }

    private static boolean httpUrl(String value) {
        if (blank(value)) {
            return false;
        }
        try {
            URI uri = new URI(value.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
