package io.uptake.web.me;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.uptake.message.MyData;
import io.uptake.people.ExportMyData;
import io.uptake.people.MyAccount;
import io.uptake.people.PersonPreferences;
import io.uptake.pulse.PulsesAnswered;
import io.uptake.web.Frames;
import io.uptake.web.Viewer;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * "Anyone their own data": the signed-in person's own page. How many pulses they answered, whether they opted out or
 * paused, and everything Uptake holds about them (the same export the chat command sends), with a download of it and
 * forms for the same choices the chat commands make. Someone Uptake holds nothing about is told exactly that.
 */
@Controller("/me")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class MePage {

    /** The pauses the page offers, in weeks (the longest pause is {@link PersonPreferences#MAX_PAUSE}). */
    static final List<Integer> PAUSE_WEEKS = List.of(1, 2, 4, 8);
    private static final Set<String> DONE = Set.of("opted-out", "opted-in", "paused", "resumed");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy")
            .withZone(ZoneOffset.UTC);

    private final Frames frames;
    private final MyAccount accounts;
    private final ExportMyData export;
    private final PersonPreferences preferences;
    private final PulsesAnswered answered;

    MePage(Frames frames, MyAccount accounts, ExportMyData export, PersonPreferences preferences,
            PulsesAnswered answered) {
        this.frames = frames;
        this.accounts = accounts;
        this.export = export;
        this.preferences = preferences;
        this.answered = answered;
    }

    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<?> me(HttpRequest<?> request, Authentication authentication, @Nullable @QueryValue String done) {
        Viewer viewer = frames.viewer(authentication).orElseThrow();
        Map<String, Object> model = new HashMap<>();
        model.put("done", done != null && DONE.contains(done) ? done : "");
        model.put("pauseWeeks", PAUSE_WEEKS);
        Optional<MyAccount.Account> account = Optional.ofNullable(viewer.email()).flatMap(accounts::byEmail);
        model.put("email", viewer.email() == null ? "" : viewer.email());
        model.put("held", account.isPresent());
        account.ifPresent(a -> {
            model.put("optedOut", a.optedOut());
            model.put("pausedUntil", a.pausedUntil() == null ? "" : DAY.format(a.pausedUntil()));
            model.put("answered", answered.by(a.personId()));
            model.put("sections", export.byEmail(viewer.email()).orElse(List.of()));
        });
        return frames.page(request, authentication, "me", "My data", "me", model);
    }

    @Get(uri = "/export.txt", produces = MediaType.TEXT_PLAIN)
    HttpResponse<String> download(Authentication authentication) {
        Viewer viewer = frames.viewer(authentication).orElseThrow();
        List<MyData.Section> sections = Optional.ofNullable(viewer.email()).flatMap(export::byEmail)
                .orElse(List.of());
        StringBuilder text = new StringBuilder("What Uptake holds about ")
                .append(viewer.email() == null ? "this sign-in" : viewer.email()).append("\n");
        if (sections.isEmpty()) {
            text.append("\nUptake holds nothing about you.\n");
        }
        for (MyData.Section section : sections) {
            text.append('\n').append(section.title()).append('\n');
            section.lines().forEach(line -> text.append("- ").append(line).append('\n'));
        }
        return HttpResponse.ok(text.toString())
                .contentType(MediaType.TEXT_PLAIN_TYPE.toString() + ";charset=utf-8")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"uptake-my-data.txt\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    @Post(uri = "/choices", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> choose(Authentication authentication, @Body("choice") @Nullable String choice,
                           @Body("weeks") @Nullable String weeks) {
        Viewer viewer = frames.viewer(authentication).orElseThrow();
        Optional<MyAccount.Account> account = Optional.ofNullable(viewer.email()).flatMap(accounts::byEmail);
        if (account.isEmpty()) {
            return HttpResponse.badRequest("Uptake holds nothing about you, so there is nothing to change.")
                    .contentType(MediaType.TEXT_PLAIN_TYPE);
        }
        long person = account.get().personId();
        String done;
        switch (choice == null ? "" : choice) {
            case "opt-out" -> {
                preferences.optOut(person);
                done = "opted-out";
            }
            case "opt-in" -> {
                preferences.optIn(person);
                done = "opted-in";
            }
            case "pause" -> {
                Optional<Integer> length = parse(weeks).filter(PAUSE_WEEKS::contains);
                if (length.isEmpty()) {
                    return HttpResponse.badRequest("Choose a pause of " + PAUSE_WEEKS + " weeks.")
                            .contentType(MediaType.TEXT_PLAIN_TYPE);
                }
                preferences.pause(person, Duration.ofDays(7L * length.get()));
                done = "paused";
            }
            case "resume" -> {
                preferences.resume(person);
                done = "resumed";
            }
            default -> {
                return HttpResponse.badRequest("Unknown choice: say opt-out, opt-in, pause or resume.")
                        .contentType(MediaType.TEXT_PLAIN_TYPE);
            }
        }
        return HttpResponse.seeOther(URI.create("/me?done=" + done));
    }

    private static Optional<Integer> parse(@Nullable String number) {
        try {
            return Optional.ofNullable(number).map(String::strip).map(Integer::valueOf);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
