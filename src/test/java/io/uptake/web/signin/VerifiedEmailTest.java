package io.uptake.web.signin;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.security.authentication.AuthenticationResponse;
import io.uptake.web.Viewers;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which ID token claims sign a person in, and as whom: only an email the provider vouches for. */
class VerifiedEmailTest {

    static final String TENANT = "tenant-1";
    final VerifiedEmail mapper = new VerifiedEmail(
            new SignInProviders("slack-id", "slack-secret", TENANT, "entra-id", "entra-secret", ""));

    @Test
    void slackNeedsAVerifiedEmail() {
        assertThat(mapper.email("slack", Map.of("email", "Ann@Example.com", "email_verified", true)))
                .hasValue("ann@example.com");
        assertThat(mapper.email("slack", Map.of("email", "ann@example.com", "email_verified", "true")))
                .hasValue("ann@example.com");
        assertThat(mapper.email("slack", Map.of("email", "ann@example.com"))).isEmpty();
        assertThat(mapper.email("slack", Map.of("email", "ann@example.com", "email_verified", false))).isEmpty();
        assertThat(mapper.email("slack", Map.of("email_verified", true, "name", "Ann"))).isEmpty();
        assertThat(mapper.email("slack", Map.of("email", "not an address", "email_verified", true))).isEmpty();
    }

    @Test
    void entraNeedsAnAddressOfAnAccountInTheTenant() {
        assertThat(mapper.email("entra", Map.of("tid", TENANT, "email", "Bo@Example.com",
                "preferred_username", "bo.upn@example.com"))).hasValue("bo@example.com");
        assertThat(mapper.email("entra", Map.of("tid", TENANT, "preferred_username", "Bo@Example.com")))
                .hasValue("bo@example.com");
        assertThat(mapper.email("entra", Map.of("tid", TENANT, "preferred_username", "bo"))).isEmpty();
        assertThat(mapper.email("entra", Map.of("tid", "other", "email", "bo@example.com"))).isEmpty();
        assertThat(mapper.email("entra", Map.of("email", "bo@example.com"))).isEmpty();
        assertThat(mapper.email("entra", Map.of("tid", TENANT, "email", "bo@example.com", "email_verified", false)))
                .isEmpty();
    }

    @Test
    void theSessionHoldsTheEmailAndNameOnly() {
        AuthenticationResponse signedIn = mapper.respond("slack", Map.of("email", "ann@example.com",
                "email_verified", true, "name", "Ann", "https://slack.com/team_id", "T1", "sub", "U1"));
        assertThat(signedIn.isAuthenticated()).isTrue();
        var authentication = signedIn.getAuthentication().orElseThrow();
        assertThat(authentication.getName()).isEqualTo("ann@example.com");
        assertThat(authentication.getAttributes()).containsOnlyKeys(Viewers.EMAIL, "name", "provider")
                .containsEntry(Viewers.EMAIL, "ann@example.com").containsEntry("name", "Ann");
        assertThat(authentication.getRoles()).isEmpty();

        AuthenticationResponse refused = mapper.respond("slack", Map.of("email", "ann@example.com"));
        assertThat(refused.isAuthenticated()).isFalse();
        assertThat(refused.getMessage()).hasValue(VerifiedEmail.NO_VERIFIED_EMAIL);
    }
}
