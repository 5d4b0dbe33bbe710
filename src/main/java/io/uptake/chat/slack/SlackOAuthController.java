package io.uptake.chat.slack;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;

/** {@code /slack/install} sends a workspace admin to Slack's consent page; Slack sends them back here. */
@Controller("/slack")
@ExecuteOn(TaskExecutors.BLOCKING)
@Requires(bean = InstallSlack.class)
@Hidden
final class SlackOAuthController {

    private final InstallSlack install;

    SlackOAuthController(InstallSlack install) {
        this.install = install;
    }

    @Get("/install")
    HttpResponse<?> install() {
        return HttpResponse.redirect(URI.create(install.consentUrl()));
    }

    @Get(value = "/oauth_redirect", produces = MediaType.TEXT_HTML)
    HttpResponse<String> redirect(@QueryValue @Nullable String code, @QueryValue @Nullable String state,
                                  @QueryValue @Nullable String error) {
        if (error != null) {
            return page(HttpStatus.BAD_REQUEST, "Uptake was not installed: Slack said " + error + ".");
        }
        InstallSlack.Outcome outcome = install.complete(code, state);
        if (outcome instanceof InstallSlack.Outcome.Installed installed) {
            return page(HttpStatus.OK, "Uptake is installed in " + (installed.teamName() == null ? installed.teamId()
                    : installed.teamName()) + ". You can close this tab.");
        }
        return page(HttpStatus.BAD_REQUEST, ((InstallSlack.Outcome.Refused) outcome).reason());
    }

    private static HttpResponse<String> page(HttpStatus status, String text) {
        String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return HttpResponse.<String>status(status).contentType(MediaType.TEXT_HTML_TYPE)
                .body("<!doctype html><html><head><meta charset=\"utf-8\"><title>Uptake</title></head><body><p>"
                        + escaped + "</p></body></html>");
    }
}
