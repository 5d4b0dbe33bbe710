package io.uptake.chat.teams;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.connector.authentication.AuthenticationConfiguration;
import com.microsoft.bot.connector.authentication.ClaimsIdentity;
import com.microsoft.bot.connector.authentication.CredentialProvider;
import com.microsoft.bot.connector.authentication.JwtTokenValidation;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.Serialization;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.ConcurrentModificationException;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles one POST to {@code /api/messages}: reads the activity, checks who sent it, runs the bot, and says what
 * to answer. Authentication happens before anything is stored; a failure in the bot is answered by the turn
 * error handler.
 */
@Singleton
@Requires(condition = TeamsOn.class)
class InboundActivities {

    /** The HTTP answer: a status and an optional JSON body. */
    record Answer(int status, @Nullable String json) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(InboundActivities.class);

    private final BotFrameworkAdapter adapter;
    private final UptakeBot bot;
    private final CredentialProvider credentials;
    private final AuthenticationConfiguration authConfiguration;

    InboundActivities(BotFrameworkAdapter adapter, UptakeBot bot, CredentialProvider credentials,
                      AuthenticationConfiguration authConfiguration) {
        this.adapter = adapter;
        this.bot = bot;
        this.credentials = credentials;
        this.authConfiguration = authConfiguration;
    }

    Answer handle(@Nullable String authorization, @Nullable String body) {
        Activity activity;
        try {
            activity = Activities.parse(body);
        } catch (Activities.NotAnActivity e) {
            return error(e.status(), e.getMessage());
        }
        ClaimsIdentity identity;
        try {
            identity = JwtTokenValidation.authenticateRequest(activity, authorization, credentials, null,
                    authConfiguration).join();
        } catch (RuntimeException e) {
            LOG.warn("Refused a Teams {} activity: {}", activity.getType(), reason(e));
            return error(401, "The activity's token is missing or invalid.");
        }
        keepLocaleOffTheTurn(activity);
        try {
            InvokeResponse response = process(identity, activity);
            if (response == null) {
                return new Answer(202, null);
            }
            Object payload = response.getBody();
            return new Answer(response.getStatus(), payload == null ? null : Serialization.toStringSilent(payload));
        } catch (RuntimeException e) {
            LOG.error("Teams {} activity {} in tenant {} could not be handled", activity.getType(), activity.getId(),
                    Activities.tenantId(activity), e);
            return error(503, "Uptake could not handle this activity now; the service log has the details.");
        }
    }

    /**
     * Runs the bot on the activity. The SDK (4.14) closes a turn's state on the calling thread while, for an invoke,
     * its executor may still be storing the invoke response in that state; when the two meet, the close throws
     * {@link ConcurrentModificationException} although the bot has done its work (seen once in a simulated year on
     * PostgreSQL). An invoke that fails so is handled once more, and this time the response arrives: an answer given
     * again replaces itself with the same value; a check-in form submitted again is stored again with the same
     * values, the latest being the one shown.
     */
    private InvokeResponse process(ClaimsIdentity identity, Activity activity) {
        try {
            return adapter.processActivity(identity, activity, bot::onTurn).join();
        } catch (CompletionException e) {
            if (!activity.isType(ActivityTypes.INVOKE) || !(e.getCause() instanceof ConcurrentModificationException)) {
                throw e;
            }
            LOG.warn("Teams invoke activity {}: the SDK closed the turn while storing its response; handling it again",
                    activity.getId());
            return adapter.processActivity(identity, activity, bot::onTurn).join();
        }
    }

    /**
     * The SDK makes an activity's locale the whole JVM's default locale for the turn; taken off the activity, it
     * cannot change how the rest of the service formats text. The person's locale is still read from it.
     */
    private static void keepLocaleOffTheTurn(Activity activity) {
        if (activity.getLocale() != null) {
            activity.setProperties(TeamsPeople.LOCALE, TextNode.valueOf(activity.getLocale()));
            activity.setLocale(null);
        }
    }

    static Answer error(int status, String message) {
        return new Answer(status, JsonNodeFactory.instance.objectNode().put("message", message).toString());
    }

    private static String reason(Throwable e) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        String message = cause.getMessage() == null ? "" : ": " + cause.getMessage();
        return cause.getClass().getSimpleName() + (message.length() > 200 ? message.substring(0, 200) : message);
    }
}
