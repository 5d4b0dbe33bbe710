package io.uptake.web.admin;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.uptake.catalog.CatalogViews.PulseView;
import io.uptake.catalog.ReadCatalog;
import io.uptake.digest.DigestRuns;
import io.uptake.digest.PreviewDigest;
import io.uptake.digest.SendDigest;
import io.uptake.digest.SendTestDigest;
import io.uptake.people.PeopleDirectory;
import io.uptake.pulse.PulseRounds;
import io.uptake.web.Frames;
import io.uptake.web.Viewer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pulses and digests page: each pulse with its rounds, each digest subscription with what it last posted, and
 * per subscription a preview, a post now through the scheduled run's path (the outbox), and a test to oneself.
 */
@Controller("/pulses")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class PulsesPage {

    /** A pulse with its rounds, newest first. */
    public record PulseWithRounds(PulseView pulse, List<PulseRounds.Round> rounds) {
    }

    /** One programme's part of a subscription's preview. */
    public record Previewed(String programme, String week, boolean soFar, String text) {
    }

    private final AdminGate gate;
    private final Frames frames;
    private final ReadCatalog catalog;
    private final PulseRounds rounds;
    private final DigestRuns digests;
    private final PreviewDigest preview;
    private final SendDigest sendDigest;
    private final SendTestDigest sendTest;
    private final PeopleDirectory people;

    PulsesPage(AdminGate gate, Frames frames, ReadCatalog catalog, PulseRounds rounds,
               DigestRuns digests, PreviewDigest preview, SendDigest sendDigest, SendTestDigest sendTest,
               PeopleDirectory people) {
        this.gate = gate;
        this.frames = frames;
        this.catalog = catalog;
        this.rounds = rounds;
        this.digests = digests;
        this.preview = preview;
        this.sendDigest = sendDigest;
        this.sendTest = sendTest;
        this.people = people;
    }

    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<?> pulses(HttpRequest<?> request, Authentication authentication) {
        Optional<HttpResponse<?>> refused = gate.refuse(request, authentication);
        if (refused.isPresent()) {
            return refused.get();
        }
        List<PulseRounds.Round> all = rounds.newest();
        List<PulseWithRounds> pulses = new ArrayList<>();
        for (PulseView pulse : catalog.pulses(false)) {
            pulses.add(new PulseWithRounds(pulse, all.stream().filter(r -> r.pulseId().equals(pulse.id())).toList()));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("pulses", pulses);
        model.put("subscriptions", digests.subscriptions());
        model.put("askEmail", frames.viewer(authentication).map(Viewer::email).isEmpty());
        return frames.page(request, authentication, "admin-pulses", "Pulses and digests", "pulses", model);
    }

    @Get(uri = "/digests/{id}/preview", produces = MediaType.TEXT_HTML)
    HttpResponse<?> preview(HttpRequest<?> request, Authentication authentication, @PathVariable String id) {
        Optional<HttpResponse<?>> refused = gate.refuse(request, authentication);
        if (refused.isPresent()) {
            return refused.get();
        }
        Optional<DigestRuns.Subscription> subscription = AdminGate.id(id).flatMap(digests::subscription);
        if (subscription.isEmpty()) {
            return notFound(request, authentication);
        }
        List<Previewed> shown = new ArrayList<>();
        for (String programme : subscription.get().programmes()) {
            preview.preview(programme, Optional.empty()).ifPresent(p -> shown.add(new Previewed(programme, p.week(),
                    p.soFar(), p.text())));
        }
        return frames.page(request, authentication, "admin-digest-preview", "Digest preview", "pulses",
                Map.of("subscription", subscription.get(), "previews", shown));
    }

    @Post(uri = "/digests/{id}/post", consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.TEXT_HTML)
    HttpResponse<?> postNow(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
            @Body Map<String, String> form) {
        Optional<HttpResponse<?>> refused = gate.refuseForm(request, authentication, form);
        if (refused.isPresent()) {
            return refused.get();
        }
        Optional<DigestRuns.Subscription> subscription = AdminGate.id(id).flatMap(digests::subscription);
        if (subscription.isEmpty()) {
            return notFound(request, authentication);
        }
        String channel = subscription.get().channel();
        SendDigest.Result result = sendDigest.send(subscription.get().id());
        if (result instanceof SendDigest.Result.Sent sent) {
            return gate.message(request, authentication, HttpStatus.OK, "Digest queued", "The digest of week "
                    + sent.week() + " to " + channel + " is queued in " + sent.parts() + (sent.parts() == 1
                    ? " message" : " messages") + "; the outbox sends it now, as it does the scheduled run.",
                    "/pulses", "Back to pulses and digests");
        }
        if (result instanceof SendDigest.Result.AlreadySent already) {
            return gate.message(request, authentication, HttpStatus.CONFLICT, "Already posted", "The digest of week "
                    + already.week() + " to " + channel + " was already posted; it is sent once a week.",
                    "/pulses", "Back to pulses and digests");
        }
        return gate.message(request, authentication, HttpStatus.CONFLICT, "Not posted", "The digest to " + channel
                + " was not posted: " + ((SendDigest.Result.NotSent) result).why() + ".", "/pulses",
                "Back to pulses and digests");
    }

    @Post(uri = "/digests/{id}/test", consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.TEXT_HTML)
    HttpResponse<?> test(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                         @Body Map<String, String> form) {
        Optional<HttpResponse<?>> refused = gate.refuseForm(request, authentication, form);
        if (refused.isPresent()) {
            return refused.get();
        }
        Optional<DigestRuns.Subscription> subscription = AdminGate.id(id).flatMap(digests::subscription);
        if (subscription.isEmpty()) {
            return notFound(request, authentication);
        }
        Optional<String> own = frames.viewer(authentication).map(Viewer::email);
        String email = own.orElseGet(() -> form.getOrDefault("email", "").strip());
        if (email.isEmpty()) {
            return gate.badRequest(request, authentication, "Give the email of a person linked on Slack or Teams "
                    + "to send the test to.", "/pulses");
        }
        if (email.length() > 320) {
            return gate.badRequest(request, authentication, "That is too long to be an email address.", "/pulses");
        }
        Optional<PeopleDirectory.DirectAddress> to = people.directAddress(email);
        if (to.isEmpty()) {
            return gate.badRequest(request, authentication, (own.isPresent() ? "You are not"
                    : "Nobody with that email is") + " linked on Slack or Teams, so there is nowhere to send a "
                    + "test.", "/pulses");
        }
        PeopleDirectory.DirectAddress address = to.get();
        SendTestDigest.Result result = sendTest.send(subscription.get().id(), new SendTestDigest.To(
                address.personId(), address.platform(), address.tenantId(), address.recipient()));
        if (result instanceof SendTestDigest.Result.Queued queued) {
            return gate.message(request, authentication, HttpStatus.OK, "Test queued", "A test of the digest of week "
                    + queued.week() + " is queued to " + (own.isPresent() ? "your" : email + "'s")
                    + " direct messages on " + address.platform().code() + ".", "/pulses",
                    "Back to pulses and digests");
        }
        return notFound(request, authentication);
    }

    private HttpResponse<?> notFound(HttpRequest<?> request, Authentication authentication) {
        return gate.message(request, authentication, HttpStatus.NOT_FOUND, "Subscription not found",
                "There is no active digest subscription with this number.", "/pulses",
                "Back to pulses and digests");
    }
}
