package io.uptake.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PrometheusEndpointTest {

    @Nested
    @MicronautTest(transactional = false)
    class WithoutAToken {

        @Inject
        @Client("/")
        HttpClient http;

        @Test
        void prometheusAnswersWithoutATokenLikeHealth() {
            http.toBlocking().retrieve("/health");

            HttpResponse<String> scrape = http.toBlocking().exchange(HttpRequest.GET("/prometheus"), String.class);

            assertThat(scrape.getStatus().getCode()).isEqualTo(200);
            assertThat(scrape.getContentType().map(Object::toString).orElse("")).startsWith("text/plain");
            assertThat(scrape.body()).contains("# TYPE jvm_memory_used_bytes gauge")
                    .containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/health\"[^}]*} [1-9]");
        }

        @Test
        void theAdminTokenGuardDoesNotReachPrometheus() {
            // The admin API is off in this context (no admin token); /prometheus must still answer.
            assertThat(http.toBlocking().exchange("/prometheus", String.class).getStatus().getCode())
                    .isEqualTo(200);
        }
    }

    @Nested
    @MicronautTest(transactional = false)
    @Property(name = "uptake.prometheus-token", value = "scrape-secret")
    class WithAToken {

        @Inject
        @Client("/")
        HttpClient http;

        @Test
        void withATokenSetAScrapeWithoutItIsRefused() {
            HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class,
                    () -> http.toBlocking().exchange(HttpRequest.GET("/prometheus"), String.class));

            assertThat(e.getStatus().getCode()).isEqualTo(HttpStatus.UNAUTHORIZED.getCode());
            assertThat(e.getResponse().getBody(String.class).orElse("")).contains("UPTAKE_PROMETHEUS_TOKEN");
        }

        @Test
        void withATokenSetAScrapeWithAWrongTokenIsRefused() {
            HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class,
                    () -> http.toBlocking().exchange(HttpRequest.GET("/prometheus").bearerAuth("scrape-secreT"),
                            String.class));

            assertThat(e.getStatus().getCode()).isEqualTo(HttpStatus.UNAUTHORIZED.getCode());
        }

        @Test
        void withATokenSetAScrapeWithItAnswers() {
            HttpResponse<String> scrape = http.toBlocking().exchange(
                    HttpRequest.GET("/prometheus").bearerAuth("scrape-secret"), String.class);

            assertThat(scrape.getStatus().getCode()).isEqualTo(200);
            assertThat(scrape.body()).contains("jvm_memory_used_bytes");
        }
    }
}
