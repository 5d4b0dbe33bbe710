package io.uptake.chat.teams;

import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.builder.teams.TeamsInfo;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ConversationReference;
import com.microsoft.bot.schema.teams.TeamsChannelAccount;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Captures where the bot lives: conversation references from installs and conversation updates (personal
 * chats, teams and their channels, group chats), the person behind a personal chat, and removals.
 */
@Singleton
@Requires(condition = TeamsOn.class)
class Installations {

    private static final Logger LOG = LoggerFactory.getLogger(Installations.class);

    private final InstallationStore store;
    private final TeamsPeople people;

    Installations(InstallationStore store, TeamsPeople people) {
        this.store = store;
        this.people = people;
    }

    /** An {@code installationUpdate} with action add. */
    void added(TurnContext turn) {
        seen(turn);
    }

    /** A {@code conversationUpdate}: members came or went, a channel was created or renamed. */
    void conversationUpdate(TurnContext turn) {
        Activity activity = turn.getActivity();
        if (Activities.includesBot(activity, activity.getMembersRemoved())) {
            removed(turn);
        } else {
            seen(turn);
        }
    }

    /** Any activity from a conversation: its reference is kept fresh, and a personal chat's person linked. */
    OptionalLong seen(TurnContext turn) {
        Activity activity = turn.getActivity();
        String ref = capture(activity);
        if (!Activities.personal(activity) || activity.getFrom() == null
                || Activities.blank(activity.getFrom().getId())) {
            return OptionalLong.empty();
        }
        String tenant = Activities.tenantId(activity);
        boolean known = people.find(tenant, activity.getFrom().getId()).isPresent();
        Optional<Long> personId = people.linkSender(activity, known ? null : email(turn, activity.getFrom().getId()),
                ref);
        personId.ifPresent(people::reachable);
        return personId.map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    /** The sender of a personal-chat message, erased before, asked to take part again. */
    long optBackIn(TurnContext turn) {
        Activity activity = turn.getActivity();
        return people.optBackIn(activity, email(turn, activity.getFrom().getId()), capture(activity));
    }

    /** The app was removed from a personal chat, a team or a group chat, or the bot from a team. */
    void removed(TurnContext turn) {
        Activity activity = turn.getActivity();
        String tenant = Activities.tenantId(activity);
        boolean personal = Activities.personal(activity);
        int rows = store.remove(tenant, activity.getConversation().getId(),
                personal ? null : Activities.teamId(activity).orElse(null));
        LOG.info("Uptake removed from a Teams {} conversation in tenant {} ({} installations closed)",
                Activities.conversationType(activity), tenant, rows);
        if (personal && activity.getFrom() != null) {
            people.find(tenant, activity.getFrom().getId())
                    .ifPresent(id -> people.unreachable(id, "the app was removed from their personal chat"));
        }
    }

    private String capture(Activity activity) {
        ConversationReference ref = ConversationRefs.of(activity);
        String json = ConversationRefs.write(ref);
        String type = Activities.conversationType(activity).toLowerCase(Locale.ROOT);
        String scope = switch (type) {
            case "personal" -> "personal";
            case "groupchat" -> "groupChat";
            default -> "team";
        };
        boolean fresh = store.save(new InstallationStore.Installed(Activities.tenantId(activity), scope,
                ref.getConversation().getId(), Activities.teamId(activity).orElse(null), ref.getServiceUrl(), json));
        if (fresh) {
            LOG.info("Uptake installed in a Teams {} conversation in tenant {}", scope, Activities.tenantId(activity));
        }
        return json;
    }

    /** The user's email (or sign-in name) from Teams, so the programmes file's addresses find them. */
    private static String email(TurnContext turn, String userId) {
        try {
            TeamsChannelAccount member = TeamsInfo.getMember(turn, userId).join();
            return member == null ? null : Members.email(member);
        } catch (RuntimeException e) {
            LOG.info("Teams did not give the profile of a new personal-chat user ({}); linked without an email",
                    e.getClass().getSimpleName());
            return null;
        }
    }
}
