package io.uptake.chat.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ChannelAccount;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.uptake.delivery.RecipientGone;
import io.uptake.people.LinkIdentity;
import io.uptake.people.MarkReachable;
import io.uptake.platform.Platform;
import jakarta.inject.Singleton;
import java.util.Optional;

/** The people behind Teams users: linked by email when Teams gives one, marked reachable or not. */
@Singleton
@Requires(condition = TeamsOn.class)
class TeamsPeople {

    static final Platform PLATFORM = Platform.TEAMS;

    /** Where the activity's own locale is kept once it is taken off the activity (see {@link InboundActivities}). */
    static final String LOCALE = "uptakeLocale";

    private final LinkIdentity link;
    private final MarkReachable reachable;
    private final ApplicationEventPublisher<RecipientGone> gone;

    TeamsPeople(LinkIdentity link, MarkReachable reachable, ApplicationEventPublisher<RecipientGone> gone) {
        this.link = link;
        this.reachable = reachable;
        this.gone = gone;
    }

    /**
     * Links the sender of an activity in a personal chat, keeping the chat's reference; returns the person, or empty
     * for someone who had Uptake erase them and has not opted back in.
     */
    Optional<Long> linkSender(Activity activity, @Nullable String email, String conversationRef) {
        return link.link(sender(activity, email, conversationRef));
    }

    /** The sender opted back in after an erasure: known again, as a new person. */
    long optBackIn(Activity activity, @Nullable String email, String conversationRef) {
        return link.optBackIn(sender(activity, email, conversationRef));
    }

    private static LinkIdentity.ChatUser sender(Activity activity, @Nullable String email, String conversationRef) {
        ChannelAccount user = activity.getFrom();
        JsonNode locale = activity.getProperties().get(LOCALE);
        return new LinkIdentity.ChatUser(PLATFORM, Activities.tenantId(activity), user.getId(), email,
                user.getName(), activity.getLocalTimezone(), locale instanceof TextNode t ? t.asText() : null,
                user.getAadObjectId(), conversationRef);
    }

    /** Links a team member the roster listed; empty for someone erased at their request. */
    Optional<Long> linkMember(String tenantId, String userId, @Nullable String email, @Nullable String name,
                              @Nullable String aadObjectId) {
        return link.link(new LinkIdentity.ChatUser(PLATFORM, tenantId, userId, email, name, null, null, aadObjectId,
                null));
    }

    /** Stores the reference of a chat the bot opened itself, for a user it already knows. */
    void rememberChat(String tenantId, String userId, String conversationRef) {
        if (link.find(PLATFORM, tenantId, userId).isPresent()) {
            link.link(new LinkIdentity.ChatUser(PLATFORM, tenantId, userId, null, null, null, null, null,
                    conversationRef));
        }
    }

    Optional<Long> find(String tenantId, String userId) {
        return link.find(PLATFORM, tenantId, userId);
    }

    /** The person removed the app or blocked the bot: nothing more is queued for them. */
    void unreachable(long personId, String reason) {
        gone.publishEvent(new RecipientGone(personId, PLATFORM, reason));
    }

    /** The person installed the app again or wrote to the bot: Teams can reach them, so Uptake may again. */
    void reachable(long personId) {
        reachable.on(personId, PLATFORM);
    }
}
