package io.uptake.chat.slack;

import com.slack.api.bolt.App;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.event.AppHomeOpenedEvent;
import io.uptake.people.LinkIdentity;
import io.uptake.people.PersonPreferences;
import io.uptake.platform.Platform;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a person's App Home tab when they open it, and flips their opt-out from its switch; the tab is read by
 * {@link HomeTabReads} and rendered by {@link HomeTabView}, after the ack.
 */
@Singleton
class HomeTab implements SlackListener {

    private static final Logger LOG = LoggerFactory.getLogger(HomeTab.class);

    private final LinkIdentity identities;
    private final HomeTabReads reads;
    private final PersonPreferences preferences;
    private final SlackTokens tokens;
    private final MethodsClient methods;
    private final Executor afterAck;
    private final SlackPeople slackPeople;

    HomeTab(LinkIdentity identities, HomeTabReads reads, PersonPreferences preferences, SlackTokens tokens,
            MethodsClient methods, @Named(AfterAck.NAME) Executor afterAck, SlackPeople slackPeople) {
        this.identities = identities;
        this.reads = reads;
        this.preferences = preferences;
        this.tokens = tokens;
        this.methods = methods;
        this.afterAck = afterAck;
        this.slackPeople = slackPeople;
    }

    @Override
    public void register(App app) {
        app.event(AppHomeOpenedEvent.class, (request, context) -> {
            afterAck.execute(() -> publish(request.getTeamId(), request.getEvent().getUser()));
            return context.ack();
        });
        app.blockAction(HomeTabView.OPT_OUT, (request, context) -> {
            String team = request.getPayload().getTeam().getId();
            String user = request.getPayload().getUser().getId();
            afterAck.execute(() -> toggle(team, user, false));
            return context.ack();
        });
        app.blockAction(HomeTabView.OPT_IN, (request, context) -> {
            String team = request.getPayload().getTeam().getId();
            String user = request.getPayload().getUser().getId();
            afterAck.execute(() -> toggle(team, user, true));
            return context.ack();
        });
    }

    private void toggle(String teamId, String userId, boolean in) {
        identities.find(Platform.SLACK, teamId, userId).ifPresent(id -> {
            if (in) {
                preferences.optIn(id);
            } else {
                preferences.optOut(id);
            }
        });
        publish(teamId, userId);
    }

    void publish(String teamId, String userId) {
        Optional<Long> person = slackPeople.person(teamId, userId);
        if (person.isEmpty()) {
            return;
        }
        String view = HomeTabView.render(reads.of(person.get())).toString();
        tokens.botToken(teamId).ifPresent(token -> {
            try {
                var response = methods.viewsPublish(r -> r.token(token).userId(userId).viewAsString(view));
                if (!response.isOk()) {
                    LOG.warn("Slack views.publish failed: {}", response.getError());
                }
            } catch (Exception e) {
                LOG.warn("Slack views.publish could not be reached", e);
            }
        });
    }
}
