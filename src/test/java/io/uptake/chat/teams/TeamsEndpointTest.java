package io.uptake.chat.teams;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** {@code POST /api/messages} with an app id set: who may post, what a bad body gets, and no server errors. */
@MicronautTest(transactional = false)
class TeamsEndpointTest extends TeamsTestContext {

    @Inject
    TeamsInstallations installations;

    @Test
    void aSignedActivityIsAcceptedAndItsReferenceStored() {
        TeamsActivity install = TeamsActivity.installation("add", "tenant-signed", "29:signed");

        assertThat(post(install).status()).isEqualTo(202);
        assertThat(installations.findByTenantIdAndConversationId("tenant-signed", "a:chat-29:signed")).isPresent();
    }

    @Test
    void anUnsignedActivityIsRefusedAndNothingIsStored() {
        TeamsActivity install = TeamsActivity.installation("add", "tenant-unsigned", "29:unsigned");

        Answer answer = post(install.json(), null);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body()).contains("token is missing or invalid");
        assertThat(installations.findByTenantIdAndConversationId("tenant-unsigned", "a:chat-29:unsigned")).isEmpty();
        assertThat(connector.calls()).isEmpty();
    }

    @Test
    void aTokenForAnotherBotIsRefused() {
        TeamsActivity install = TeamsActivity.installation("add", "tenant-aud", "29:aud");
        String token = Tokens.sign(connector.key(), Tokens.ISSUER, "another-bot", install.serviceUrl());

        assertThat(post(install.json(), token).status()).isEqualTo(401);
        assertThat(installations.findByTenantIdAndConversationId("tenant-aud", "a:chat-29:aud")).isEmpty();
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() {
        TeamsActivity install = TeamsActivity.installation("add", "tenant-key", "29:key");
        String token = Tokens.sign(Tokens.otherKey(), Tokens.ISSUER, APP_ID, install.serviceUrl());

        assertThat(post(install.json(), token).status()).isEqualTo(401);
        assertThat(installations.findByTenantIdAndConversationId("tenant-key", "a:chat-29:key")).isEmpty();
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() {
        TeamsActivity install = TeamsActivity.installation("add", "tenant-iss", "29:iss");
        String token = Tokens.sign(connector.key(), "https://sts.example.com", APP_ID, install.serviceUrl());

        assertThat(post(install.json(), token).status()).isEqualTo(401);
    }

    @Test
    void aTokenNamingAnotherServiceUrlIsRefused() {
        TeamsActivity install = TeamsActivity.installation("add", "tenant-url", "29:url");
        String token = Tokens.channel(APP_ID, "https://smba.trafficmanager.net/emea/");

        assertThat(post(install.json(), token).status()).isEqualTo(401);
        assertThat(installations.findByTenantIdAndConversationId("tenant-url", "a:chat-29:url")).isEmpty();
    }

    @Test
    void aMalformedTokenIsRefused() {
        TeamsActivity install = TeamsActivity.installation("add", "tenant-bad", "29:bad");

        assertThat(post(install.json(), "Bearer not.a.jwt").status()).isEqualTo(401);
        assertThat(post(install.json(), "Basic dXNlcjpwYXNz").status()).isEqualTo(401);
    }

    @Test
    void garbageAndTruncatedBodiesGetBadRequest() {
        String signed = Tokens.channel(APP_ID, connector.url());
        String whole = TeamsActivity.text("tenant-garbage", "29:g", "help").json();

        assertThat(post("this is not json", signed).status()).isEqualTo(400);
        assertThat(post(whole.substring(0, whole.length() / 2), signed).status()).isEqualTo(400);
        assertThat(post("[1, 2, 3]", signed).status()).isEqualTo(400);
        assertThat(post("{\"text\": \"no type\"}", signed).status()).isEqualTo(400);
        assertThat(post("", signed).status()).isEqualTo(400);
        assertThat(post("{\"type\":\"message\"}", null).body()).contains("no conversation id");
        assertThat(connector.calls()).isEmpty();
    }

    @Test
    void anOversizedBodyIsRefused() {
        TeamsActivity message = TeamsActivity.text("tenant-big", "29:big", "x".repeat(300 * 1024));

        assertThat(post(message).status()).isEqualTo(413);
        assertThat(connector.calls()).isEmpty();
    }

    @Test
    void anInvokeTheBotDoesNotHandleIsA404NamingIt() {
        Answer answer = post(TeamsActivity.invoke("tenant-invoke", "29:invoke", "composeExtension/query"));

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.body()).contains("does not handle the invoke 'composeExtension/query'");
    }

    @Test
    void anInvokeWithoutANameIsA404() {
        TeamsActivity invoke = TeamsActivity.invoke("tenant-invoke", "29:noname", "x");
        String json = invoke.json().replace("\"name\":\"x\",", "");

        assertThat(post(json, Tokens.channel(APP_ID, invoke.serviceUrl())).status()).isEqualTo(404);
    }

    @Test
    void aTurnThatFailsIsAnsweredWithoutAServerError() {
        connector.answerNext(FakeBotConnector.error(500, "ServiceError"), FakeBotConnector.error(500, "ServiceError"));

        Answer answer = post(TeamsActivity.text("tenant-fails", "29:fails", "help"));

        assertThat(answer.status()).isEqualTo(202);
        assertThat(connector.posted()).hasSize(2);
        assertThat(connector.posted().get(1).text()).isEqualTo(TurnErrors.SORRY);
    }
}
