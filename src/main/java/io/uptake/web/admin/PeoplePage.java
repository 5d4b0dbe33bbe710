package io.uptake.web.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.uptake.message.MyData;
import io.uptake.people.ExportMyData;
import io.uptake.people.ForgetMe;
import io.uptake.people.PeopleDirectory;
import io.uptake.web.Frames;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The people page: how many people are in each state, a searchable list, and per person the two data requests an
 * admin answers by hand, export and erasure, through the same use cases as the admin API and the chat commands.
 */
@Controller("/people")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class PeoplePage {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AdminGate gate;
    private final Frames frames;
    private final PeopleDirectory directory;
    private final ExportMyData export;
    private final ForgetMe forgetMe;

    PeoplePage(AdminGate gate, Frames frames, PeopleDirectory directory, ExportMyData export, ForgetMe forgetMe) {
        this.gate = gate;
        this.frames = frames;
        this.directory = directory;
        this.export = export;
        this.forgetMe = forgetMe;
    }

    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<?> people(HttpRequest<?> request, Authentication authentication, @Nullable @QueryValue String q,
                           @Nullable @QueryValue String state, @Nullable @QueryValue String page,
                           @Nullable @QueryValue String erased) {
        Optional<HttpResponse<?>> refused = gate.refuse(request, authentication);
        if (refused.isPresent()) {
            return refused.get();
        }
        PeopleDirectory.State filter = null;
        if (state != null && !state.isBlank()) {
            filter = PeopleDirectory.State.parse(state.strip()).orElse(null);
            if (filter == null) {
                return gate.badRequest(request, authentication, "There is no state called '" + cut(state, 30)
                        + "': choose one from the list.", "/people");
            }
        }
        int number = 1;
        if (page != null && !page.isBlank()) {
            Optional<Long> parsed = AdminGate.id(page).filter(n -> n >= 1 && n <= 1_000_000);
            if (parsed.isEmpty()) {
                return gate.badRequest(request, authentication, "The page must be a number from 1.", "/people");
            }
            number = parsed.get().intValue();
        }
        if (q != null && q.length() > 200) {
            return gate.badRequest(request, authentication, "The search is too long: 200 characters at most.",
                    "/people");
        }
        Map<String, Object> model = new HashMap<>();
        model.put("counts", directory.counts());
        model.put("states", PeopleDirectory.State.values());
        model.put("found", directory.search(q, filter, number));
        model.put("q", q == null ? "" : q);
        model.put("state", filter == null ? "" : filter.code());
        model.put("erasedState", filter == PeopleDirectory.State.ERASED);
        model.put("justErased", "1".equals(erased));
        return frames.page(request, authentication, "admin-people", "People", "people", model);
    }

    @Get(uri = "/{id}/export.json", produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> export(HttpRequest<?> request, Authentication authentication, @PathVariable String id) {
        Optional<HttpResponse<?>> refused = gate.refuse(request, authentication);
        if (refused.isPresent()) {
            return refused.get();
        }
        Optional<Long> personId = AdminGate.id(id);
        Optional<List<MyData.Section>> sections = personId.flatMap(export::byPerson);
        if (sections.isEmpty()) {
            return notFound(request, authentication);
        }
        ObjectNode body = JSON.createObjectNode().put("person", personId.get());
        ArrayNode out = body.putArray("sections");
        for (MyData.Section section : sections.get()) {
            ObjectNode s = out.addObject().put("title", section.title());
            section.lines().forEach(s.putArray("lines")::add);
        }
        return HttpResponse.ok(body.toPrettyString()).contentType(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"uptake-person-" + personId.get()
                        + ".json\"");
    }

    @Get(uri = "/{id}/erase", produces = MediaType.TEXT_HTML)
    HttpResponse<?> confirmErasure(HttpRequest<?> request, Authentication authentication, @PathVariable String id) {
        Optional<HttpResponse<?>> refused = gate.refuse(request, authentication);
        if (refused.isPresent()) {
            return refused.get();
        }
        Optional<PeopleDirectory.Listed> person = AdminGate.id(id).flatMap(directory::person);
        if (person.isEmpty()) {
            return notFound(request, authentication);
        }
        return frames.page(request, authentication, "admin-people-erase", "Erase a person", "people",
                Map.of("person", person.get()));
    }

    @Post(uri = "/{id}/erase", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> erase(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                          @Body Map<String, String> form) {
        Optional<HttpResponse<?>> refused = gate.refuseForm(request, authentication, form);
        if (refused.isPresent()) {
            return refused.get();
        }
        Optional<Long> personId = AdminGate.id(id);
        if (personId.isEmpty()) {
            return notFound(request, authentication);
        }
        if (!"yes".equals(form.get("confirm"))) {
            return gate.badRequest(request, authentication, "Tick the box to confirm the erasure.",
                    "/people/" + personId.get() + "/erase");
        }
        if (!(forgetMe.erase(personId.get()) instanceof ForgetMe.Result.Erased)) {
            return notFound(request, authentication);
        }
        return HttpResponse.seeOther(URI.create("/people?erased=1"));
    }

    private HttpResponse<?> notFound(HttpRequest<?> request, Authentication authentication) {
        return gate.message(request, authentication, HttpStatus.NOT_FOUND, "Person not found",
                "Uptake holds nobody with this number (after an erasure, nobody has it).", "/people",
                "Back to people");
    }

    private static String cut(String text, int max) {
        return text.length() > max ? text.substring(0, max) + "…" : text;
    }
}
