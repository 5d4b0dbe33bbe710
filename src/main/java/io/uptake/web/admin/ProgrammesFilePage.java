package io.uptake.web.admin;

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
import io.uptake.catalog.ProgrammesFile;
import io.uptake.catalog.ReloadCatalog;
import io.uptake.message.Words;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The programmes file page: the file in force and its last load, a reload, and a dry run of a new version (pasted
 * or read from a file in the browser) that says what it would add, change and retire before the admin applies it.
 */
@Controller("/programmes-file")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class ProgrammesFilePage {

    /** Larger than any programmes file the parser accepts, smaller than the server's request limit. */
    private static final int MAX_TEXT = 900_000;

    private final AdminGate gate;
    private final io.uptake.web.Frames frames;
    private final ProgrammesFile file;
    private final ReloadCatalog reload;

    ProgrammesFilePage(AdminGate gate, io.uptake.web.Frames frames, ProgrammesFile file, ReloadCatalog reload) {
        this.gate = gate;
        this.frames = frames;
        this.file = file;
        this.reload = reload;
    }

    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<?> page(HttpRequest<?> request, Authentication authentication) {
        Optional<HttpResponse<?>> refused = gate.refuse(request, authentication);
        return refused.orElseGet(() -> frames.page(request, authentication, "admin-programmes-file",
                "Programmes file", "programmes-file", Map.of("file", file.status())));
    }

    @Post(uri = "/reload", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> reload(HttpRequest<?> request, Authentication authentication,
            @Body Map<String, String> form) {
        Optional<HttpResponse<?>> refused = gate.refuseForm(request, authentication, form);
        if (refused.isPresent()) {
            return refused.get();
        }
        ReloadCatalog.Result result = reload.reload(false);
        String message;
        HttpStatus status = HttpStatus.OK;
        if (result instanceof ReloadCatalog.Result.Loaded loaded) {
            message = "The programmes file was reloaded: " + loaded.report().summary() + ".";
        } else if (result instanceof ReloadCatalog.Result.Held held) {
            message = held.message().replace("reload with ?confirm-retire=true",
                    "use a dry run of the file on the programmes file page and apply it");
            status = HttpStatus.CONFLICT;
        } else if (result instanceof ReloadCatalog.Result.Rejected rejected) {
            message = "The programmes file has " + Words.count(rejected.errors().size(), "mistake")
                    + " and was not loaded; " + (rejected.previousKept() ? "the previous catalogue is still in force."
                    : "no catalogue is in force.") + " The problems are listed on the programmes file page.";
            status = HttpStatus.UNPROCESSABLE_ENTITY;
        } else {
            message = "No programmes file is configured: set UPTAKE_CATALOG to its path and restart.";
            status = HttpStatus.CONFLICT;
        }
        return gate.message(request, authentication, status, "Reload", message, "/programmes-file",
                "Back to the programmes file");
    }

    @Post(uri = "/dry-run", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> dryRun(HttpRequest<?> request, Authentication authentication, @Body Map<String, String> form) {
        Optional<HttpResponse<?>> refused = gate.refuseForm(request, authentication, form);
        if (refused.isPresent()) {
            return refused.get();
        }
        String text = normalised(form.get("text"));
        if (text.length() > MAX_TEXT) {
            return gate.badRequest(request, authentication, "The file is too large to be a programmes file.",
                    "/programmes-file");
        }
        ProgrammesFile.DryRun run = file.dryRun(text);
        Map<String, Object> model = new HashMap<>();
        model.put("run", run);
        model.put("text", text);
        return frames.page(request, authentication, "admin-programmes-file-dry-run", "Dry run of a programmes file",
                "programmes-file", model, run.applicable() ? HttpStatus.OK : HttpStatus.BAD_REQUEST);
    }

    @Post(uri = "/apply", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> apply(HttpRequest<?> request, Authentication authentication, @Body Map<String, String> form) {
        Optional<HttpResponse<?>> refused = gate.refuseForm(request, authentication, form);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (!"yes".equals(form.get("confirm"))) {
            return gate.badRequest(request, authentication, "Tick the box to confirm you read what the file "
                    + "would change.", "/programmes-file");
        }
        String text = normalised(form.get("text"));
        String sha = form.getOrDefault("sha256", "");
        if (text.length() > MAX_TEXT) {
            return gate.badRequest(request, authentication, "The file is too large to be a programmes file.",
                    "/programmes-file");
        }
        ProgrammesFile.Applied applied = file.apply(text, sha);
        if (applied instanceof ProgrammesFile.Applied.Refused refusal) {
            return gate.badRequest(request, authentication, refusal.why(), "/programmes-file");
        }
        ProgrammesFile.Applied.Loaded loaded = (ProgrammesFile.Applied.Loaded) applied;
        return gate.message(request, authentication, HttpStatus.OK, "Programmes file applied",
                "The new programmes file is stored and loaded: " + loaded.report().summary()
                        + (loaded.report().unchanged() ? "." : ": " + String.join("; ", loaded.report().changes())
                        + "."), "/programmes-file", "Back to the programmes file");
    }

    /** Browsers send a form's line breaks as CRLF; the file is kept with the LF it was written with. */
    private static String normalised(String text) {
        return text == null ? "" : text.replace("\r\n", "\n");
    }
}
