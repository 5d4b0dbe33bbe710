package io.uptake.chat.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.response.conversations.ConversationsMembersResponse;
import com.slack.api.methods.response.usergroups.users.UsergroupsUsersListResponse;
import com.slack.api.methods.response.users.UsersListResponse;
import com.slack.api.model.User;
import io.uptake.delivery.Sleeper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads who is in a Slack workspace, channel or user group, in pages and paced by each method's rate tier:
 * {@code users.list} (Tier 2, about 20 a minute, 200 people a page) resolves everyone's profile in a few calls
 * instead of one {@code users.info} per person.
 */
@Singleton
class SlackDirectory {

    static final Duration TIER_2 = Duration.ofSeconds(3);
    static final Duration TIER_4 = Duration.ofMillis(600);
    private static final int MAX_TRIES = 5;

    /** A call to Slack; throws what the SDK throws. */
    interface Call<T extends SlackApiTextResponse> {
        T call() throws IOException, SlackApiException;
    }

    /** Slack refused a directory call for good, e.g. a channel the bot is not in. */
    static final class DirectoryError extends Exception {
        DirectoryError(String message) {
            super(message);
        }

        /** A call that failed unexpectedly, with what it threw. */
        DirectoryError(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final MethodsClient methods;
    private final Sleeper sleeper;
    private final Clock clock;

    SlackDirectory(MethodsClient methods, Sleeper sleeper, Clock clock) {
        this.methods = methods;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    List<User> users(String token) throws DirectoryError, InterruptedException {
        List<User> users = new ArrayList<>();
        String cursor = null;
        do {
            String page = cursor;
            // The locale says how each person writes numbers, e.g. in their check-ins.
            UsersListResponse response = call(() -> methods.usersList(r -> r.token(token).limit(200)
                    .includeLocale(true).cursor(page)), TIER_2);
            users.addAll(response.getMembers());
            cursor = next(response.getResponseMetadata() == null ? null : response.getResponseMetadata()
                    .getNextCursor());
        } while (cursor != null);
        return users;
    }

    Set<String> channelMembers(String token, String channel) throws DirectoryError, InterruptedException {
        Set<String> ids = new LinkedHashSet<>();
        String cursor = null;
        do {
            String page = cursor;
            ConversationsMembersResponse response = call(() -> methods.conversationsMembers(r -> r.token(token)
                    .channel(channel).limit(500).cursor(page)), TIER_4);
            ids.addAll(response.getMembers());
            cursor = next(response.getResponseMetadata() == null ? null : response.getResponseMetadata()
                    .getNextCursor());
        } while (cursor != null);
        return ids;
    }

    Set<String> usergroupMembers(String token, String usergroup) throws DirectoryError, InterruptedException {
        UsergroupsUsersListResponse response = call(() -> methods.usergroupsUsersList(r -> r.token(token)
                .usergroup(usergroup)), TIER_2);
        return new LinkedHashSet<>(response.getUsers());
    }

    /** Makes one call after its tier's interval, waiting out rate limits. */
    private <T extends SlackApiTextResponse> T call(Call<T> call, Duration tier)
            throws DirectoryError, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            sleeper.sleepUntil(clock.instant().plus(attempt == 1 ? tier : tier.multipliedBy(attempt)));
            try {
                T response = call.call();
                if (response.isOk()) {
                    return response;
                }
                if (!"ratelimited".equals(response.getError()) || attempt >= MAX_TRIES) {
                    throw new DirectoryError(response.getError());
                }
            } catch (SlackApiException e) {
                if (e.getResponse().code() != 429 || attempt >= MAX_TRIES) {
                    throw new DirectoryError(e.getError() != null ? e.getError().getError() : "HTTP "
                            + e.getResponse().code());
                }
                String retryAfter = e.getResponse().header("Retry-After");
                sleeper.sleepUntil(clock.instant().plusSeconds(retryAfter == null ? 1 : parse(retryAfter)));
            } catch (IOException e) {
                if (attempt >= MAX_TRIES) {
                    throw new DirectoryError(e.getClass().getSimpleName(), e);
                }
            }
        }
    }

    private static long parse(String seconds) {
        try {
            return Math.max(1, Long.parseLong(seconds.trim()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static String next(String cursor) {
        return cursor == null || cursor.isBlank() ? null : cursor;
    }
}
