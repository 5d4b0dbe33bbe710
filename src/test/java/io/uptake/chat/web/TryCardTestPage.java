package io.uptake.chat.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.uptake.catalog.BlockerCategory;
import io.uptake.message.AnswerOption;
import io.uptake.message.AskedQuestion;
import io.uptake.message.PulseCard;
import io.uptake.web.Frames;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The chat simulator's pulse card, as its conversation pages show it, for a "What's in the way" pulse. */
@Controller
@Requires(property = "uptake.test.try-card", value = "true")
@Secured(SecurityRule.IS_ANONYMOUS)
class TryCardTestPage {

    private final Frames frames;

    TryCardTestPage(Frames frames) {
        this.frames = frames;
    }

    @Get(uri = "/test-try-card", produces = MediaType.TEXT_HTML)
    Object page(HttpRequest<?> request, @Nullable Authentication authentication) {
        AskedQuestion blockers = new AskedQuestion("blockers", "What's most in the way of using Claims triage?",
                BlockerCategory.inOrder().stream().map(c -> new AnswerOption(c.label(), Integer.toString(c.value())))
                        .toList(), "6");
        AskedQuestion comment = new AskedQuestion("blockers-comment", "Anything to add? (optional)", List.of(),
                null);
        PulseCard card = new PulseCard("claims-weekly", 42, "Claims triage", "Quick pulse on Claims triage.",
                List.of(blockers, comment), Instant.parse("2026-11-20T10:00:00Z"), false, null);
        return frames.page(request, authentication, "test-try-card", "Try", "try", Map.of("card", card));
    }
}
