package io.uptake.chat.teams;

import com.microsoft.bot.restclient.RestException;
import com.microsoft.bot.schema.ErrorResponse;
import io.uptake.delivery.SendResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * What a Bot Connector failure means for the outbox: throttled (429), worth retrying (412, 408, 5xx, timeouts,
 * dropped connections), or final, with the person gone when Teams says the bot can no longer write to them.
 */
final class ConnectorErrors {

    /** 403 codes that mean the bot cannot reach this person any more: blocked, removed, or disabled. */
    static final Set<String> GONE = Set.of("MessageWritesBlocked", "ConversationBlockedByUser",
            "BotDisabledByAdmin", "BotNotInConversationRoster");
    static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(5);

    private ConnectorErrors() {
    }

    /** The result for a failure of the connector; empty for anything else, which is a fault in Uptake. */
    static Optional<SendResult> result(Throwable failure, boolean update) {
        Throwable cause = unwrap(failure);
        if (cause instanceof RestException rest && rest.response() != null) {
            return Optional.of(http(rest, update));
        }
        if (cause instanceof IOException || cause instanceof UncheckedIOException) {
            String message = cause.getMessage() == null ? "" : ": " + Texts.cut(cause.getMessage(), 200);
            return Optional.of(new SendResult.Failed(cause.getClass().getSimpleName() + message));
        }
        return Optional.empty();
    }

    /** A failure's result in words, for logs. */
    static String describe(SendResult result) {
        if (result instanceof SendResult.RateLimited limited) {
            return "throttled, retry after " + limited.retryAfter();
        }
        if (result instanceof SendResult.Failed failed) {
            return failed.reason();
        }
        if (result instanceof SendResult.Rejected rejected) {
            return rejected.reason();
        }
        return result.toString();
    }

    private static SendResult http(RestException rest, boolean update) {
        int status = rest.response().code();
        String code = rest.body() instanceof ErrorResponse body && body.getError() != null
                && body.getError().getCode() != null ? body.getError().getCode() : "";
        String reason = "HTTP " + status + (code.isEmpty() ? "" : " " + code);
        if (status == 429) {
            return new SendResult.RateLimited(retryAfter(rest.response().headers().get("Retry-After")));
        }
        if (status == 401) {
            return new SendResult.Failed(reason + ": the Bot Connector refused the bot's token; check "
                    + "MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD and MICROSOFT_APP_TENANT_ID");
        }
        if (status == 403) {
            return new SendResult.Rejected(reason, GONE.contains(code));
        }
        if (status == 404) {
            // A new message to a chat that no longer exists means the person is gone; a lost old message is not.
            return new SendResult.Rejected(reason, !update);
        }
        if (status == 408 || status == 412 || status >= 500) {
            return new SendResult.Failed(reason);
        }
        return new SendResult.Rejected(reason, false);
    }

    static Duration retryAfter(String header) {
        if (header != null && header.trim().matches("\\d{1,6}")) {
            long seconds = Long.parseLong(header.trim());
            return Duration.ofSeconds(Math.max(1, Math.min(seconds, 600)));
        }
        return DEFAULT_RETRY_AFTER;
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
