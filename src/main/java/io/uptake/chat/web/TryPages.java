package io.uptake.chat.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.uptake.chat.CheckinReplies;
import io.uptake.checkin.CheckinCommand;
import io.uptake.checkin.CheckinResult;
import io.uptake.checkin.OpenCheckinForm;
import io.uptake.platform.Platform;
import io.uptake.web.Frames;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The chat simulator's pages: pick a person, see what Uptake sent them, and answer as they would. Every action
 * goes through {@link WebInbound}, the same use cases as Slack's and Teams' requests; then the page is shown again
 * with what the bot sent back. Works without JavaScript: each button is a form.
 */
@Controller("/try")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@Requires(property = "uptake.demo", value = "true")
class TryPages {

    private final Frames frames;
    private final WebDirectory directory;
    private final WebInbound inbound;
    private final Conversations conversations;
    private final Transcripts transcripts;

    TryPages(Frames frames, WebDirectory directory, WebInbound inbound, Conversations conversations,
             Transcripts transcripts) {
        this.frames = frames;
        this.directory = directory;
        this.inbound = inbound;
        this.conversations = conversations;
        this.transcripts = transcripts;
    }

    /** A group of people to pick from. */
    record Group(String title, List<DirectoryUser> people) {
    }

    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<?> index(HttpRequest<?> request, @Nullable Authentication authentication) {
        List<DirectoryUser> users = new ArrayList<>(directory.users());
        users.sort(Comparator.comparing(DirectoryUser::name).thenComparing(DirectoryUser::userId));
        Map<String, List<DirectoryUser>> groups = new LinkedHashMap<>();
        groups.put("Sponsors", new ArrayList<>());
        groups.put("Workflow owners", new ArrayList<>());
        for (DirectoryUser user : users) {
            String group = user.role().startsWith("Sponsor") ? "Sponsors"
                    : user.role().contains("Owner of") ? "Workflow owners"
                    : user.role().replaceFirst("^Employee in ", "Employees: ");
            groups.computeIfAbsent(group, k -> new ArrayList<>()).add(user);
        }
        List<Group> listed = groups.entrySet().stream().map(e -> new Group(e.getKey(), e.getValue())).toList();
        return frames.page(request, authentication, "try/index", "Try the chat", "try",
                Map.of("groups", listed, "channels", transcripts.channels()));
    }

    @Get(uri = "/{platform}/{userId}", produces = MediaType.TEXT_HTML)
    HttpResponse<?> chat(HttpRequest<?> request, @Nullable Authentication authentication, String platform,
                         String userId) {
        Optional<DirectoryUser> user = user(platform, userId);
        if (user.isEmpty()) {
            return notFound(platform, userId);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("user", user.get());
        model.put("base", path(user.get()));
        model.put("messages", conversations.with(user.get().platform(), userId));
        model.put("known", inbound.person(user.get().platform(), userId).isPresent());
        return frames.page(request, authentication, "try/chat", user.get().name() + " on "
                + label(user.get().platform()), "try", model);
    }

    @Post(uri = "/{platform}/{userId}/answers", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> answer(String platform, String userId, @Body Map<String, String> form) {
        Optional<DirectoryUser> user = user(platform, userId);
        if (user.isEmpty()) {
            return notFound(platform, userId);
        }
        Optional<Long> round = number(form.get("round"));
        String question = form.getOrDefault("question", "");
        String value = form.containsKey("comment") ? form.get("comment").strip() : form.get("value");
        if (round.isEmpty() || question.isBlank() || value == null) {
            return HttpResponse.badRequest("An answer needs the round, the question and a value, as the pulse "
                    + "message's buttons send them.").contentType(MediaType.TEXT_PLAIN);
        }
        if (value.length() > 2000) {
            return HttpResponse.badRequest("A comment holds at most 2000 characters.")
                    .contentType(MediaType.TEXT_PLAIN);
        }
        inbound.answer(user.get().platform(), userId, round.get(), question, value, form.get("ballot")).join();
        inbound.deliver();
        return back(user.get());
    }

    @Post(uri = "/{platform}/{userId}/commands", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> command(String platform, String userId, @Body Map<String, String> form) {
        Optional<DirectoryUser> user = user(platform, userId);
        if (user.isEmpty()) {
            return notFound(platform, userId);
        }
        String text = form.getOrDefault("text", "").strip().replaceFirst("^/uptake\\s*", "");
        if (text.length() > 500) {
            return HttpResponse.badRequest("A command holds at most 500 characters.")
                    .contentType(MediaType.TEXT_PLAIN);
        }
        inbound.command(user.get().platform(), userId, text);
        inbound.deliver();
        return back(user.get());
    }

    @Get(uri = "/{platform}/{userId}/checkin/{workflowId}", produces = MediaType.TEXT_HTML)
    HttpResponse<?> checkinForm(HttpRequest<?> request, @Nullable Authentication authentication, String platform,
                                String userId, String workflowId) {
        Optional<DirectoryUser> user = user(platform, userId);
        if (user.isEmpty()) {
            return notFound(platform, userId);
        }
        OpenCheckinForm.Result form = inbound.checkinForm(user.get().platform(), userId, workflowId);
        if (!(form instanceof OpenCheckinForm.Result.Form shown)) {
            return HttpResponse.status(HttpStatus.NOT_FOUND).body(CheckinReplies.of(form))
                    .contentType(MediaType.TEXT_PLAIN);
        }
        return checkinPage(request, authentication, user.get(), shown, Map.of(), Map.of(), null, HttpStatus.OK);
    }

    @Post(uri = "/{platform}/{userId}/checkin/{workflowId}", consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.TEXT_HTML)
    HttpResponse<?> checkin(HttpRequest<?> request, @Nullable Authentication authentication, String platform,
                            String userId, String workflowId, @Body Map<String, String> form) {
        Optional<DirectoryUser> user = user(platform, userId);
        if (user.isEmpty()) {
            return notFound(platform, userId);
        }
        CheckinResult result = inbound.checkin(user.get().platform(), userId, new WebInbound.CheckinFields(
                workflowId, form.get(CheckinCommand.VALUE), form.get(CheckinCommand.STATUS),
                form.get(CheckinCommand.CONFIDENCE), form.get(CheckinCommand.EVIDENCE), form.get(CheckinCommand.NOTE),
                form.get(CheckinCommand.CONFIRM)));
        if (result instanceof CheckinResult.Saved) {
            inbound.deliver();
            return back(user.get());
        }
        OpenCheckinForm.Result open = inbound.checkinForm(user.get().platform(), userId, workflowId);
        if (!(open instanceof OpenCheckinForm.Result.Form shown)) {
            return HttpResponse.badRequest(CheckinReplies.of(result)).contentType(MediaType.TEXT_PLAIN);
        }
        Map<String, String> errors = result instanceof CheckinResult.Invalid invalid ? invalid.errors() : Map.of();
        CheckinResult.ConfirmValue confirm = result instanceof CheckinResult.ConfirmValue c ? c : null;
        if (errors.isEmpty() && confirm == null) {
            errors = Map.of(CheckinCommand.VALUE, CheckinReplies.of(result));
        }
        return checkinPage(request, authentication, user.get(), shown, form, errors, confirm,
                HttpStatus.BAD_REQUEST);
    }

    @Get(uri = "/channels/{platform}/{channelId}", produces = MediaType.TEXT_HTML)
    HttpResponse<?> channel(HttpRequest<?> request, @Nullable Authentication authentication, String platform,
                            String channelId) {
        Optional<Platform> on = Platform.find(platform);
        if (on.isEmpty()) {
            return HttpResponse.notFound("No simulated platform is called " + platform + ": use slack or teams.")
                    .contentType(MediaType.TEXT_PLAIN);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("platform", on.get());
        model.put("platformLabel", label(on.get()));
        model.put("channel", channelId);
        model.put("base", null);
        model.put("messages", conversations.with(on.get(), channelId));
        return frames.page(request, authentication, "try/channel", channelId + " on " + label(on.get()), "try",
                model);
    }

    private HttpResponse<?> checkinPage(HttpRequest<?> request, @Nullable Authentication authentication,
                                        DirectoryUser user, OpenCheckinForm.Result.Form form,
                                        Map<String, String> typed, Map<String, String> errors,
                                        CheckinResult.@Nullable ConfirmValue confirm, HttpStatus status) {
        Map<String, Object> model = new HashMap<>();
        model.put("user", user);
        model.put("base", path(user));
        model.put("form", form.form());
        model.put("typed", typed);
        model.put("errors", errors);
        model.put("confirm", confirm);
        return frames.page(request, authentication, "try/checkin", "Check-in: " + form.form().workflowName(), "try",
                model, status);
    }

    private Optional<DirectoryUser> user(String platform, String userId) {
        return Platform.find(platform).flatMap(p -> directory.user(p, userId));
    }

    private static HttpResponse<?> notFound(String platform, String userId) {
        return HttpResponse.notFound("Nobody in the demo is " + platform + " user " + userId + ": pick someone at "
                + "/try.").contentType(MediaType.TEXT_PLAIN);
    }

    private static HttpResponse<?> back(DirectoryUser user) {
        return HttpResponse.seeOther(URI.create(path(user) + "#latest"));
    }

    /** The page of a person's conversation. */
    static String path(DirectoryUser user) {
        return "/try/" + user.platform().code() + "/" + java.net.URLEncoder.encode(user.userId(),
                java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String label(Platform platform) {
        return platform == Platform.SLACK ? "Slack" : "Microsoft Teams";
    }

    private static Optional<Long> number(@Nullable String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(Long.parseLong(text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
