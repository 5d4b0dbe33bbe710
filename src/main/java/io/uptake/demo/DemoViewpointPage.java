package io.uptake.demo;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.uptake.chat.web.DirectoryUser;
import io.uptake.chat.web.WebDirectory;
import io.uptake.web.Frames;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo's switch of viewpoint: see the dashboard as its admin, a programme's sponsor, a workflow's owner or an
 * employee, without signing in.
 */
@Controller("/demo/view")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@Requires(property = "uptake.demo", value = "true")
class DemoViewpointPage {

    /** Employees offered on the page: enough to see what one sees, from both platforms. */
    static final int EMPLOYEES = 6;

    private final Frames frames;
    private final WebDirectory directory;
    private final DemoViewpoint viewpoint;

    DemoViewpointPage(Frames frames, WebDirectory directory, DemoViewpoint viewpoint) {
        this.frames = frames;
        this.directory = directory;
        this.viewpoint = viewpoint;
    }

    /** A viewpoint to choose. */
    record Choice(String value, String label, String role) {
    }

    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<?> choices(HttpRequest<?> request, @Nullable Authentication authentication) {
        List<DirectoryUser> users = new ArrayList<>(directory.users());
        users.sort(Comparator.comparing(DirectoryUser::name));
        List<Choice> choices = new ArrayList<>();
        choices.add(new Choice(DemoViewpoint.ADMIN, "Demo admin", "Sees everything"));
        users.stream().filter(u -> u.role().startsWith("Sponsor")).forEach(u -> choices.add(choice(u)));
        users.stream().filter(u -> u.role().contains("Owner of") && !u.role().startsWith("Sponsor"))
                .forEach(u -> choices.add(choice(u)));
        users.stream().filter(u -> u.role().startsWith("Employee")).limit(EMPLOYEES).forEach(u -> choices.add(
                choice(u)));
        Map<String, Object> model = new HashMap<>();
        model.put("choices", choices);
        model.put("current", request.getCookies().findCookie(DemoViewpoint.COOKIE).map(Cookie::getValue)
                .orElse(DemoViewpoint.ADMIN));
        return frames.page(request, authentication, "demo/view", "Switch viewpoint", "view", model);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> choose(@Body Map<String, String> form) {
        String chosen = form.getOrDefault("as", "").strip();
        if (!chosen.equals(DemoViewpoint.ADMIN) && viewpoint.person(chosen).isEmpty()) {
            return HttpResponse.badRequest("Choose the demo admin or one of the demo's people.")
                    .contentType(MediaType.TEXT_PLAIN);
        }
        return HttpResponse.seeOther(URI.create("/")).cookie(Cookie.of(DemoViewpoint.COOKIE, chosen).path("/")
                .httpOnly(true).sameSite(SameSite.Lax));
    }

    private static Choice choice(DirectoryUser user) {
        return new Choice(user.email(), user.name(), user.role());
    }
}
