package io.uptake.chat.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.model.User;
import io.uptake.people.LinkIdentity;
import io.uptake.platform.Platform;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The person behind a Slack user who talks to Uptake. A user seen for the first time is looked up once with
 * {@code users.info}, so they join the person the programmes file or an audience sync made for their email (an
 * owner, a sponsor) rather than becoming a second person with no email.
 */
@Singleton
class SlackPeople {

    private static final Logger LOG = LoggerFactory.getLogger(SlackPeople.class);

    private final LinkIdentity identities;
    private final SlackTokens tokens;
    private final MethodsClient methods;

    SlackPeople(LinkIdentity identities, SlackTokens tokens, MethodsClient methods) {
        this.identities = identities;
        this.tokens = tokens;
        this.methods = methods;
    }

    /** The person, or empty for a user who had Uptake erase them and has not opted back in. */
    Optional<Long> person(String teamId, String userId) {
        return identities.find(Platform.SLACK, teamId, userId)
                .or(() -> identities.link(chatUser(teamId, userId, lookUp(teamId, userId).orElse(null))));
    }

    /** The user opted back in after an erasure: known again, as a new person. */
    long optBackIn(String teamId, String userId) {
        return identities.optBackIn(chatUser(teamId, userId, lookUp(teamId, userId).orElse(null)));
    }

    static LinkIdentity.ChatUser chatUser(String teamId, String userId, User user) {
        if (user == null) {
            return new LinkIdentity.ChatUser(Platform.SLACK, teamId, userId, null, null, null, null, null, null);
        }
        var profile = user.getProfile();
        return new LinkIdentity.ChatUser(Platform.SLACK, teamId, userId, profile == null ? null : profile.getEmail(),
                user.getRealName() != null ? user.getRealName() : user.getName(), user.getTz(), user.getLocale(),
                null, null);
    }

    private Optional<User> lookUp(String teamId, String userId) {
        Optional<String> token = tokens.botToken(teamId);
        if (token.isEmpty()) {
            return Optional.empty();
        }
        try {
            UsersInfoResponse response = methods.usersInfo(r -> r.token(token.get()).user(userId).includeLocale(true));
            if (!response.isOk()) {
                LOG.warn("Slack users.info failed for a user of team {}: {}", teamId, response.getError());
            }
            return Optional.ofNullable(response.isOk() ? response.getUser() : null);
        } catch (IOException | SlackApiException e) {
            LOG.warn("Slack users.info failed for a user of team {}", teamId, e);
            return Optional.empty();
        }
    }
}
