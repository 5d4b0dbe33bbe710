package io.uptake.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.uptake.message.PulseAnswered;
import io.uptake.message.PulseCard;
import io.uptake.message.PulseQuestion;
import io.uptake.pulse.PersonalPulses;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class HomeTabViewTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aPersonWithNothingOpenAndNoAnswersSeesSoAndCanOptOut() throws Exception {
        ObjectNode view = HomeTabView.render(new HomeTabContent(List.of(), List.of(), false));

        assertThat((JsonNode) view).isEqualTo(JSON.readTree("""
                {"type": "home", "blocks": [
                  {"type": "header", "text": {"type": "plain_text", "text": "Your open pulses"}},
                  {"type": "section", "text": {"type": "mrkdwn", "text": "Nothing to answer right now. Thanks!"}},
                  {"type": "header", "text": {"type": "plain_text", "text": "Your recent answers"}},
                  {"type": "section", "text": {"type": "mrkdwn",
                    "text": "None yet (anonymous answers are never shown here)."}},
                  {"type": "header", "text": {"type": "plain_text", "text": "Privacy"}},
                  {"type": "section", "text": {"type": "mrkdwn", "text": %s}},
                  {"type": "actions", "elements": [
                    {"type": "button", "action_id": "home_optout",
                     "text": {"type": "plain_text", "text": "Opt out of pulses"}, "style": "danger"}
                  ]}
                ]}
                """.formatted(JSON.writeValueAsString(HomeTabView.ABOUT))));
    }

    @Test
    void aPersonWhoOptedOutIsOfferedToOptBackIn() throws Exception {
        ObjectNode view = HomeTabView.render(new HomeTabContent(List.of(), List.of(), true));

        JsonNode blocks = view.path("blocks");
        assertThat(blocks.get(blocks.size() - 1)).isEqualTo(JSON.readTree("""
                {"type": "actions", "elements": [
                  {"type": "button", "action_id": "home_optin",
                   "text": {"type": "plain_text", "text": "Opt back in"}}
                ]}
                """));
    }

    @Test
    void openPulsesAreShownAnswerableEachFollowedByADivider() {
        PulseCard unanswered = TestCards.card(TestCards.usage(), TestCards.comment());
        PulseCard answered = TestCards.card(TestCards.usage().choose("1"), TestCards.comment());

        JsonNode blocks = HomeTabView.render(new HomeTabContent(List.of(unanswered, answered), List.of(), false))
                .path("blocks");

        List<JsonNode> expected = new ArrayList<>();
        expected.add(blocks.get(0));
        BlockKit.render(new PulseQuestion(unanswered)).blocks().forEach(expected::add);
        expected.add(JSON.createObjectNode().put("type", "divider"));
        BlockKit.render(new PulseAnswered(answered)).blocks().forEach(expected::add);
        expected.add(JSON.createObjectNode().put("type", "divider"));
        List<JsonNode> shown = new ArrayList<>();
        blocks.forEach(shown::add);
        assertThat(shown.subList(0, expected.size())).isEqualTo(expected);
        assertThat(shown.get(expected.size()).at("/text/text").asText()).isEqualTo("Your recent answers");
    }

    @Test
    void recentAnswersAreListedOnePerLineEscaped() throws Exception {
        List<PersonalPulses.MyAnswer> mine = List.of(
                new PersonalPulses.MyAnswer("Claims <triage>", "How much do you trust it?", "4",
                        LocalDate.of(2026, 11, 24)),
                new PersonalPulses.MyAnswer("Claims triage", "Anything else?", "Fine & quick",
                        LocalDate.of(2026, 11, 17)));

        JsonNode blocks = HomeTabView.render(new HomeTabContent(List.of(), mine, false)).path("blocks");

        assertThat(blocks.get(3)).isEqualTo(JSON.readTree("""
                {"type": "section", "text": {"type": "mrkdwn", "text": %s}}
                """.formatted(JSON.writeValueAsString("• Claims &lt;triage&gt;: How much do you trust it? *4* "
                + "(2026-11-24)\n• Claims triage: Anything else? *Fine &amp; quick* (2026-11-17)\n"))));
    }

    @Test
    void pulsesBeyondWhatATabHoldsAreLeftInTheDirectMessagesAndSaidSo() throws Exception {
        List<PulseCard> open = Collections.nCopies(40, TestCards.card(TestCards.usage(), TestCards.comment()));

        ObjectNode view = HomeTabView.render(new HomeTabContent(open, List.of(), false));

        JsonNode blocks = view.path("blocks");
        assertThat(blocks.size()).isLessThanOrEqualTo(HomeTabView.MAX_BLOCKS);
        // The note, then the recent answers (header, section), the privacy text (header, section) and the switch.
        assertThat(blocks.get(blocks.size() - 6)).isEqualTo(JSON.readTree("""
                {"type": "section", "text": {"type": "mrkdwn",
                  "text": "More pulses are waiting in your direct messages with Uptake."}}
                """));
        assertThat(blocks.get(blocks.size() - 1).path("elements").get(0).path("action_id").asText())
                .isEqualTo(HomeTabView.OPT_OUT);
        assertThat(BlockKitLimits.checkView(view)).isEmpty();
    }
}
