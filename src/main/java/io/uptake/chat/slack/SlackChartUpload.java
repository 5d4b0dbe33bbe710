package io.uptake.chat.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.request.files.FilesCompleteUploadExternalRequest;
import io.uptake.delivery.SendResult;
import io.uptake.digest.ChartImages;
import io.uptake.message.DigestChart;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Uploads a digest's chart into its channel with Slack's external upload flow: {@code files.getUploadURLExternal},
 * the bytes POSTed to the address it returns, then {@code files.completeUploadExternal} naming the channel.
 */
@Singleton
class SlackChartUpload {

    /** Turns a Web API refusal into a send result, as the gateway does for its other calls. */
    interface Refusals {
        SendResult notOk(com.slack.api.methods.SlackApiTextResponse response);
    }

    private final MethodsClient methods;
    private final Function<String, Optional<byte[]>> images;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Inject
    SlackChartUpload(MethodsClient methods, ChartImages charts) {
        this(methods, charts::png);
    }

    SlackChartUpload(MethodsClient methods, Function<String, Optional<byte[]>> images) {
        this.methods = methods;
        this.images = images;
    }

    SendResult upload(String token, String channel, DigestChart chart, Refusals steps)
            throws IOException, SlackApiException {
        Optional<byte[]> png = images.apply(chart.token());
        if (png.isEmpty()) {
            return new SendResult.Rejected("the chart image is no longer stored", false);
        }
        var target = methods.filesGetUploadURLExternal(r -> r.token(token).filename("uptake-digest-" + chart.week()
                + ".png").length(png.get().length).altTxt("WAU % and trust index over 12 weeks per workflow"));
        if (!target.isOk()) {
            return steps.notOk(target);
        }
        HttpResponse<Void> posted;
        try {
            posted = http.send(HttpRequest.newBuilder(URI.create(target.getUploadUrl()))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "image/png")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(png.get())).build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SendResult.Failed("interrupted while uploading the chart");
        }
        if (posted.statusCode() != 200) {
            return new SendResult.Failed("the upload address answered HTTP " + posted.statusCode());
        }
        var done = methods.filesCompleteUploadExternal(r -> r.token(token).channelId(channel)
                .files(List.of(FilesCompleteUploadExternalRequest.FileDetails.builder().id(target.getFileId())
                        .title(chart.title()).build())));
        return done.isOk() ? new SendResult.Sent(new SlackMessageRef(channel, target.getFileId()).encode())
                : steps.notOk(done);
    }
}
