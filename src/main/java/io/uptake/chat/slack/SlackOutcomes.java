package io.uptake.chat.slack;

import io.micronaut.core.annotation.Nullable;
import io.uptake.delivery.SendResult;
import java.time.Duration;
import java.util.Set;

/**
 * Turns what the Slack Web API answered into a {@link SendResult}.
 *
 * <p>The line that matters is between "this person cannot be reached" and "our side is wrong", because
 * {@code Rejected(recipientGone = true)} marks the person unreachable and cancels everything queued for them:
 * <ul>
 *   <li><b>Person gone</b> ({@code Rejected}, gone), only when the recipient is a person (a {@code U…}/{@code W…}
 *       user id or a {@code D…} direct-message channel): {@code user_not_found}, {@code user_disabled},
 *       {@code cannot_dm_bot}, {@code channel_not_found}, {@code is_archived} (a deactivated person's DM is
 *       archived) and {@code not_in_channel}. Sent to a channel, the last three mean the bot was never invited
 *       or the channel was archived: a setting to fix, so {@code Rejected}, not gone.</li>
 *   <li><b>Workspace or app</b> ({@code Failed}): {@code invalid_auth}, {@code not_authed},
 *       {@code token_revoked}, {@code token_expired}, {@code account_inactive}, {@code missing_scope},
 *       {@code not_allowed_token_type}, {@code no_permission}, {@code team_access_not_granted},
 *       {@code ekm_access_denied}. They say nothing about the recipient: {@code account_inactive} is the
 *       <em>token's</em> account (the bot user or the workspace was deleted), not the person's. They are retried
 *       because the fix happens outside the message (a refreshed or reinstalled token, an added scope is picked
 *       up by the next attempt's token lookup); if it does not come, the message is dead-lettered after the
 *       usual attempts and can be sent again from the dead-letter list.</li>
 *   <li><b>The message itself</b> ({@code Rejected}, not gone): {@code msg_too_long}, {@code msg_blocks_too_long},
 *       {@code invalid_blocks}, {@code no_text}, {@code message_not_found}, {@code cant_update_message},
 *       {@code edit_window_closed},
 *       {@code messages_tab_disabled}, {@code restricted_action} and the like: sending it again cannot help.</li>
 *   <li><b>Throttled</b>: HTTP 429 or {@code ratelimited} gives {@code RateLimited} for the {@code Retry-After}
 *       seconds, or {@value #DEFAULT_RETRY_AFTER_SECONDS} s when the header is missing or unreadable.</li>
 *   <li><b>Transient</b> ({@code Failed}): HTTP 5xx and any other HTTP error without a Slack error code,
 *       {@code internal_error}, {@code fatal_error}, {@code service_unavailable}, {@code request_timeout}, and
 *       error codes this class does not know (a bounded number of retries is cheaper than losing a message to a
 *       code that turns out to be passing).</li>
 * </ul>
 */
final class SlackOutcomes {

    static final long DEFAULT_RETRY_AFTER_SECONDS = 1;

    private static final Set<String> RATE_LIMITED = Set.of("ratelimited", "rate_limited");
    private static final Set<String> GONE_IF_PERSON = Set.of("user_not_found", "user_disabled", "cannot_dm_bot",
            "channel_not_found", "is_archived", "not_in_channel");
    private static final Set<String> WORKSPACE = Set.of("invalid_auth", "not_authed", "token_revoked",
            "token_expired", "account_inactive", "missing_scope", "not_allowed_token_type", "no_permission",
            "team_access_not_granted", "ekm_access_denied");
    private static final Set<String> TRANSIENT = Set.of("internal_error", "fatal_error", "service_unavailable",
            "request_timeout");
    private static final Set<String> MESSAGE = Set.of("msg_too_long", "msg_blocks_too_long", "invalid_blocks",
            "invalid_blocks_format",
            "no_text", "too_many_attachments", "invalid_attachments", "invalid_arguments", "invalid_form_data",
            "invalid_json", "json_not_object", "invalid_post_type", "invalid_charset", "invalid_array_arg",
            "invalid_metadata_format", "invalid_metadata_schema", "metadata_too_large", "message_not_found",
            "cant_update_message", "edit_window_closed", "messages_tab_disabled", "restricted_action",
            "restricted_action_read_only_channel", "restricted_action_thread_only_channel",
            "restricted_action_non_threadable_channel", "posting_to_general_channel_denied", "as_user_not_supported",
            "method_deprecated", "deprecated_endpoint");

    private SlackOutcomes() {
    }

    /** An {@code ok: false} answer. */
    static SendResult ofError(@Nullable String error, @Nullable String retryAfter, boolean toPerson) {
        String code = error == null || error.isBlank() ? "unknown_error" : error;
        if (RATE_LIMITED.contains(code)) {
            return new SendResult.RateLimited(retryAfter(retryAfter));
        }
        if (GONE_IF_PERSON.contains(code)) {
            return new SendResult.Rejected(code, toPerson);
        }
        if (MESSAGE.contains(code)) {
            return new SendResult.Rejected(code, false);
        }
        if (WORKSPACE.contains(code)) {
            return new SendResult.Failed(code + " (workspace token or app settings, not the recipient)");
        }
        return new SendResult.Failed(code);
    }

    /** A non-2xx HTTP answer, with the Slack error code when its body had one. */
    static SendResult ofHttpStatus(int status, @Nullable String error, @Nullable String retryAfter,
                                   boolean toPerson) {
        if (status == 429) {
            return new SendResult.RateLimited(retryAfter(retryAfter));
        }
        if (status >= 500 || error == null || error.isBlank()) {
            return new SendResult.Failed("HTTP " + status);
        }
        return ofError(error, retryAfter, toPerson);
    }

    /** Whether a conversation id names a person (user id or direct-message channel) rather than a channel. */
    static boolean isPerson(String conversation) {
        return conversation != null && !conversation.isEmpty() && "UWD".indexOf(conversation.charAt(0)) >= 0;
    }

    static Duration retryAfter(@Nullable String header) {
        if (header != null) {
            try {
                long seconds = Long.parseLong(header.trim());
                if (seconds > 0) {
                    return Duration.ofSeconds(seconds);
                }
            } catch (NumberFormatException e) {
                // An HTTP date or garbage: Slack sends seconds, so fall back to the default.
            }
        }
        return Duration.ofSeconds(DEFAULT_RETRY_AFTER_SECONDS);
    }
}
