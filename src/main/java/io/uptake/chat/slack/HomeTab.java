package io.uptake.chat.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.bolt.App;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.event.AppHomeOpenedEvent;
import io.uptake.message.PulseAnswered;
import io.uptake.message.PulseCard;
import io.uptake.message.PulseQuestion;
import io.uptake.people.LinkIdentity;
import io.uptake.people.PersonPreferences;
import io.uptake.people.PersonRepository;
import io.uptake.people.PersonRow;
import io.uptake.pulse.PersonalPulses;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The App Home tab: the person's open pulses (answerable there), their own recent answers, what Uptake collects
 * and who sees what, and a switch to opt out or back in.
 */
@Singleton
class HomeTab implements SlackListener {

    static final String OPT_OUT = "home_optout";
    static final String OPT_IN = "home_optin";
    static final int MAX_BLOCKS = 100;
    static final String ABOUT = "*What Uptake collects.* Your answers to short pulses about AI-assisted ways of "
            + "working, and when a pulse reached you. *Who sees what.* Leaders see totals only, never a group of "
            + "fewer than five people; in anonymous pulses nothing links your answers to you at all. "
            + "`/uptake mydata` sends you everything Uptake holds about you, `/uptake forget-me` erases it, and "
            + "`/uptake help` lists your settings.";
    private static final Logger LOG = LoggerFactory.getLogger(HomeTab.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LinkIdentity identities;
    private final PersonalPulses pulses;
    private final PersonPreferences preferences;
    private final PersonRepository people;
    private final SlackTokens tokens;
    private final MethodsClient methods;
    private final Executor afterAck;
    private final SlackPeople slackPeople;

    HomeTab(LinkIdentity identities, PersonalPulses pulses, PersonPreferences preferences, PersonRepository people,
            SlackTokens tokens, MethodsClient methods, @Named(AfterAck.NAME) Executor afterAck,
            SlackPeople slackPeople) {
        this.identities = identities;
        this.slackPeople = slackPeople;
        this.pulses = pulses;
        this.preferences = preferences;
        this.people = people;
        this.tokens = tokens;
        this.methods = methods;
        this.afterAck = afterAck;
    }

    @Override
    public void register(App app) {
        app.event(AppHomeOpenedEvent.class, (request, context) -> {
            afterAck.execute(() -> publish(request.getTeamId(), request.getEvent().getUser()));
            return context.ack();
        });
        app.blockAction(OPT_OUT, (request, context) -> {
            String team = request.getPayload().getTeam().getId();
            String user = request.getPayload().getUser().getId();
            afterAck.execute(() -> toggle(team, user, false));
            return context.ack();
        });
        app.blockAction(OPT_IN, (request, context) -> {
            String team = request.getPayload().getTeam().getId();
            String user = request.getPayload().getUser().getId();
            afterAck.execute(() -> toggle(team, user, true));
            return context.ack();
        });
    }

    private void toggle(String teamId, String userId, boolean in) {
        identities.find("slack", teamId, userId).ifPresent(id -> {
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
        String view = view(person.get()).toString();
        tokens.botToken(teamId).ifPresent(token -> {
            try {
                var response = methods.viewsPublish(r -> r.token(token).userId(userId).viewAsString(view));
                if (!response.isOk()) {
                    LOG.warn("Slack views.publish failed: {}", response.getError());
                }
            } catch (Exception e) {
                LOG.warn("Slack views.publish could not be reached: {}", e.getClass().getSimpleName());
            }
        });
    }

    ObjectNode view(long personId) {
        return view(pulses.open(personId), pulses.recentAnswers(personId),
                people.findById(personId).map(PersonRow::optedOutAt).isPresent());
    }

    /** The tab for a person with these open pulses and recent answers. */
    static ObjectNode view(List<PulseCard> open, List<PersonalPulses.MyAnswer> mine, boolean optedOut) {
        ObjectNode view = JSON.createObjectNode().put("type", "home");
        ArrayNode blocks = view.putArray("blocks");
        header(blocks, "Your open pulses");
        if (open.isEmpty()) {
            section(blocks, "Nothing to answer right now. Thanks!");
        }
        for (PulseCard card : open) {
            ArrayNode rendered = BlockKit.render(card.questions().stream().anyMatch(q -> q.answered())
                    ? new PulseAnswered(card) : new PulseQuestion(card)).blocks();
            if (blocks.size() + rendered.size() + 8 > MAX_BLOCKS) {
                section(blocks, "More pulses are waiting in your direct messages with Uptake.");
                break;
            }
            blocks.addAll(rendered);
            blocks.addObject().put("type", "divider");
        }
        header(blocks, "Your recent answers");
        StringBuilder text = new StringBuilder(mine.isEmpty() ? "None yet (anonymous answers are never shown here)."
                : "");
        // Each piece is escaped and cut on its own, so that ten answers fit one section of 3,000 characters
        // without cutting an escape in half.
        mine.forEach(a -> text.append("• ").append(SlackText.mrkdwn(a.workflow(), 60)).append(": ")
                .append(SlackText.mrkdwn(a.question(), 120)).append(" *")
                .append(SlackText.mrkdwn(SlackText.plainLine(a.answer(), 80), 80)).append("* (").append(a.on())
                .append(")\n"));
        section(blocks, SlackText.cut(text.toString(), Blocks.MAX_TEXT));
        header(blocks, "Privacy");
        section(blocks, ABOUT);
        ObjectNode actions = blocks.addObject().put("type", "actions");
        ObjectNode button = actions.putArray("elements").addObject().put("type", "button")
                .put("action_id", optedOut ? OPT_IN : OPT_OUT);
        button.putObject("text").put("type", "plain_text").put("text", optedOut ? "Opt back in" : "Opt out of pulses");
        if (!optedOut) {
            button.put("style", "danger");
        }
        return view;
    }

    private static void header(ArrayNode blocks, String text) {
        blocks.addObject().put("type", "header").putObject("text").put("type", "plain_text").put("text", text);
    }

    private static void section(ArrayNode blocks, String markdown) {
        blocks.addObject().put("type", "section").putObject("text").put("type", "mrkdwn").put("text", markdown);
    }
}
