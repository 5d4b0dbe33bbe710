package io.uptake.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Hidden;
import io.uptake.digest.ChartImages;

/**
 * Serves digest charts at {@code /charts/{token}.png} for Teams cards, which load images by address. No login:
 * the 192-bit token is the secret, and it is only ever written into the digest sent to its channel.
 */
@Controller("/charts")
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
final class ChartController {

    private final ChartImages charts;

    ChartController(ChartImages charts) {
        this.charts = charts;
    }

    @Get("/{file}")
    HttpResponse<?> chart(String file) {
        String token = file.endsWith(".png") ? file.substring(0, file.length() - ".png".length()) : "";
        return charts.png(token).<HttpResponse<?>>map(png -> HttpResponse.ok(png).contentType("image/png")
                        .header("Cache-Control", "private, max-age=604800")
                        .header("X-Content-Type-Options", "nosniff"))
                .orElseGet(() -> HttpResponse.status(HttpStatus.NOT_FOUND).body(ApiError.of("No chart here.")));
    }
}
