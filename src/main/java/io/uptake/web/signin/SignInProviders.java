package io.uptake.web.signin;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.security.oauth2.configuration.OauthClientConfiguration;
import io.micronaut.security.oauth2.configuration.OauthClientConfigurationProperties;
import jakarta.inject.Singleton;
import java.net.MalformedURLException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which OpenID Connect sign-ins are on: Sign in with Slack when the Slack app's client id and secret are set (the
 * same app and credentials as the OAuth install: Slack's OpenID Connect sign-in is a flow of that app), Microsoft
 * Entra ID when its tenant, client id and secret are set. A client without them is switched off before Micronaut
 * Security builds it, so nothing is fetched from a provider that is not used and the sign-in page offers neither.
 *
 * <p>Entra's issuer is the tenant's ({@code https://login.microsoftonline.com/{tenant}/v2.0}), so only that
 * directory's accounts sign in; {@code UPTAKE_ENTRA_ISSUER} replaces it for other clouds (and tests).
 */
@Singleton
public class SignInProviders implements BeanCreatedEventListener<OauthClientConfiguration> {

    /** The Slack client's name: its routes are /oauth/login/slack and /oauth/callback/slack. */
    public static final String SLACK = "slack";
    /** The Entra ID client's name. */
    public static final String ENTRA = "entra";

    private static final Logger LOG = LoggerFactory.getLogger(SignInProviders.class);

    /** A sign-in the page offers: the label of its button and where the button leads. */
    public record Offer(String name, String label, String path) {
    }

    private final boolean slack;
    private final boolean entra;
    private final String entraTenant;
    private final String entraIssuer;

    SignInProviders(@Value("${uptake.slack.client-id:}") String slackClientId,
                    @Value("${uptake.slack.client-secret:}") String slackClientSecret,
                    @Value("${uptake.entra.tenant-id:}") String entraTenant,
                    @Value("${uptake.entra.client-id:}") String entraClientId,
                    @Value("${uptake.entra.client-secret:}") String entraClientSecret,
                    @Value("${uptake.entra.issuer:}") String entraIssuer) {
        this.slack = !slackClientId.isBlank() && !slackClientSecret.isBlank();
        this.entraTenant = entraTenant.strip();
        this.entra = !this.entraTenant.isEmpty() && !entraClientId.isBlank() && !entraClientSecret.isBlank();
        this.entraIssuer = entraIssuer.isBlank()
                ? "https://login.microsoftonline.com/" + this.entraTenant + "/v2.0" : entraIssuer.strip();
    }

    @Override
    public OauthClientConfiguration onCreated(BeanCreatedEvent<OauthClientConfiguration> event) {
        OauthClientConfiguration client = event.getBean();
        if (client instanceof OauthClientConfigurationProperties configured) {
            boolean on = switch (client.getName()) {
                case SLACK -> slack;
                case ENTRA -> entra;
                default -> configured.isEnabled();
            };
            configured.setEnabled(on);
            if (on && ENTRA.equals(client.getName())) {
                configured.getOpenid().filter(OauthClientConfigurationProperties.OpenIdClientConfigurationProperties
                        .class::isInstance).map(OauthClientConfigurationProperties.OpenIdClientConfigurationProperties
                        .class::cast).ifPresent(openid -> openid.setIssuer(url(entraIssuer)));
            }
            LOG.info("Sign-in with {}: {}", client.getName(), on ? "on" : "off (" + missing(client.getName()) + ")");
        }
        return client;
    }

    /** The sign-ins the sign-in page offers, in its order. */
    public List<Offer> offered() {
        List<Offer> offers = new ArrayList<>();
        if (slack) {
            offers.add(new Offer(SLACK, "Sign in with Slack", "/oauth/login/" + SLACK));
        }
        if (entra) {
            offers.add(new Offer(ENTRA, "Sign in with Microsoft", "/oauth/login/" + ENTRA));
        }
        return offers;
    }

    /** The Entra tenant whose accounts may sign in (empty when Entra sign-in is off). */
    String entraTenant() {
        return entraTenant;
    }

    private static String missing(String name) {
        return switch (name) {
            case SLACK -> "set SLACK_CLIENT_ID and SLACK_CLIENT_SECRET";
            case ENTRA -> "set UPTAKE_ENTRA_TENANT_ID, UPTAKE_ENTRA_CLIENT_ID and UPTAKE_ENTRA_CLIENT_SECRET";
            default -> "disabled";
        };
    }

    private static java.net.URL url(String address) {
        try {
            return URI.create(address).toURL();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalStateException("UPTAKE_ENTRA_ISSUER is not a URL: " + address, e);
        }
    }
}
