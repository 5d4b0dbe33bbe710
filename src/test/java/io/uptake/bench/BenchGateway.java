package io.uptake.bench;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.uptake.platform.Platform;
import io.uptake.delivery.ChatGateway;
import io.uptake.delivery.Envelope;
import io.uptake.delivery.SendResult;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The benchmark's Slack: posts each message's recipient to the fake platform and reads its answer as a result. */
@Requires(env = BenchWorker.ENVIRONMENT)
@Singleton
class BenchGateway implements ChatGateway {

    private final URI url;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    BenchGateway(@Value("${uptake.bench.fake-url}") URI url) {
        this.url = url;
    }

    @Override
    public Platform platform() {
        return Platform.SLACK;
    }

    @Override
    public SendResult send(Envelope envelope) {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(10))
                .header(FakeSlack.TEAM_HEADER, envelope.tenantId())
                .POST(HttpRequest.BodyPublishers.ofString(envelope.recipient()))
                .build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return new SendResult.Failed(e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SendResult.Failed("interrupted");
        }
        int status = response.statusCode();
        if (status == 200) {
            return new SendResult.Sent(response.body());
        }
        if (status == 429) {
            long seconds = response.headers().firstValueAsLong("Retry-After").orElse(1);
            return new SendResult.RateLimited(Duration.ofSeconds(seconds));
        }
        if (status >= 500) {
            return new SendResult.Failed("HTTP " + status);
        }
        return new SendResult.Rejected("HTTP " + status, false);
    }
}
