package io.uptake.chat.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.request.files.FilesCompleteUploadExternalRequest;
import com.slack.api.methods.response.conversations.ConversationsOpenResponse;
import com.slack.api.methods.response.files.FilesCompleteUploadExternalResponse;
import com.slack.api.methods.response.files.FilesGetUploadURLExternalResponse;
import io.uptake.delivery.SendResult;
import io.uptake.digest.ChartImages;
import io.uptake.message.BoardSummary;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Uploads a digest's chart into its channel with Slack's external upload flow: {@code files.getUploadURLExternal},
 * the bytes POSTed to the address it returns, then {@code files.completeUploadExternal} naming the channel.
 */
@Singleton
class SlackChartUpload {

    static final String GET_URL = "files.getUploadURLExternal";
    static final String UPLOAD = "upload to the address Slack gave";
    static final String COMPLETE = "files.completeUploadExternal";
    static final String OPEN = "conversations.open";
    /** Slack keeps a file title short; longer ones are cut here rather than refused there. */
    static final int MAX_TITLE = 250;

    private static final Logger LOG = LoggerFactory.getLogger(SlackChartUpload.class);

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

    /**
     * Uploads the chart; whatever goes wrong is a result naming the step it went wrong at
     * ({@value #GET_URL}, {@value #UPLOAD} or {@value #COMPLETE}), never an exception.
     */
    SendResult upload(String token, String channel, DigestChart chart, Refusals steps) {
        return upload(token, channel, new Image(chart.token(), "uptake-digest-" + chart.week() + ".png",
                "WAU % and trust index over 12 weeks per workflow", chart.title(), chart.caption()), steps);
    }

    /**
     * Uploads a quarterly board summary's page into the recipient's direct message, with the summary's text as
     * the upload's comment. Slack shares files only into conversations ({@code C…}, {@code G…}, {@code D…}), not to
     * a user id, so a user's direct message is opened first with {@value #OPEN}.
     */
    SendResult upload(String token, String recipient, BoardSummary board, Refusals steps) {
        String channel = recipient;
        if (!recipient.isEmpty() && "UW".indexOf(recipient.charAt(0)) >= 0) {
            ConversationsOpenResponse opened;
            try {
                opened = methods.conversationsOpen(r -> r.token(token).users(List.of(recipient)));
            } catch (IOException | SlackApiException | RuntimeException e) {
                return failedAt(OPEN, e);
            }
            if (!opened.isOk() || opened.getChannel() == null || opened.getChannel().getId() == null) {
                return opened.isOk() ? new SendResult.Failed(OPEN + ": no conversation in the answer")
                        : at(OPEN, steps.notOk(opened));
            }
            channel = opened.getChannel().getId();
        }
        return upload(token, channel, new Image(board.token(), board.fileName(), board.altText(), title(board),
                board.text()), steps);
    }

    /** The file's title: the summary's headline, cut to what a title holds. */
    static String title(BoardSummary board) {
        String headline = board.headline();
        if (headline.length() <= MAX_TITLE) {
            return headline;
        }
        int end = MAX_TITLE - 1;
        return headline.substring(0, Character.isHighSurrogate(headline.charAt(end - 1)) ? end - 1 : end) + "…";
    }

    /** An image to share: its stored token, file name, alternative text, title and the comment shared with it. */
    record Image(String token, String fileName, String altText, String title, String comment) {
    }

    private SendResult upload(String token, String channel, Image image, Refusals steps) {
        Optional<byte[]> png = images.apply(image.token());
        if (png.isEmpty()) {
            return new SendResult.Rejected("the chart image is no longer stored", false);
        }
        FilesGetUploadURLExternalResponse target;
        try {
            target = methods.filesGetUploadURLExternal(r -> r.token(token).filename(image.fileName())
                    .length(png.get().length).altTxt(image.altText()));
        } catch (IOException | SlackApiException | RuntimeException e) {
            return failedAt(GET_URL, e);
        }
        if (!target.isOk()) {
            return at(GET_URL, steps.notOk(target));
        }
        SendResult uploaded = post(target.getUploadUrl(), png.get());
        if (uploaded != null) {
            return uploaded;
        }
        FilesCompleteUploadExternalResponse done;
        try {
            // The caption is the message that shares the image, so the channel reads of an image only with it.
            done = methods.filesCompleteUploadExternal(r -> r.token(token).channelId(channel)
                    .initialComment(SlackText.mrkdwn(image.comment(), PrivateReply.MAX_TEXT))
                    .files(List.of(FilesCompleteUploadExternalRequest.FileDetails.builder().id(target.getFileId())
                            .title(image.title()).build())));
        } catch (IOException | SlackApiException | RuntimeException e) {
            return failedAt(COMPLETE, e);
        }
        return done.isOk() ? new SendResult.Sent(new SlackMessageRef(channel, target.getFileId()).encode())
                : at(COMPLETE, steps.notOk(done));
    }

    /** POSTs the bytes to the upload address; null when that worked, else the result saying why not. */
    private SendResult post(String address, byte[] png) {
        try {
            HttpResponse<Void> posted = http.send(HttpRequest.newBuilder(URI.create(address))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "image/png")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(png)).build(), HttpResponse.BodyHandlers.discarding());
            return posted.statusCode() == 200 ? null
                    : new SendResult.Failed(UPLOAD + ": the upload address answered HTTP " + posted.statusCode());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SendResult.Failed(UPLOAD + ": interrupted");
        } catch (IOException | RuntimeException e) {
            return failedAt(UPLOAD, e);
        }
    }

    /** A step that threw: Slack's HTTP refusals are mapped as for any call, the rest are worth a retry. */
    private static SendResult failedAt(String step, Exception e) {
        if (e instanceof SlackApiException refused) {
            return at(step, SlackOutcomes.ofHttpStatus(refused.getResponse().code(), refused.getError() == null
                    ? null : refused.getError().getError(), refused.getResponse().header("Retry-After"), false));
        }
        // Logged without the exception: the step and the kind of failure are all an admin can act on, and what some
        // exceptions say (URI.create's, for one) quotes the upload address, which is signed and works for anyone.
        LOG.warn("Slack chart upload failed at {}: {}", step, e.getClass().getSimpleName());
        return new SendResult.Failed(step + (e instanceof IOException ? ": no answer (" + e.getMessage() + ")"
                : ": answered something unreadable"));
    }

    /** The same result with the step in its reason. */
    private static SendResult at(String step, SendResult result) {
        if (result instanceof SendResult.Failed failed) {
            return new SendResult.Failed(step + ": " + failed.reason());
        }
        if (result instanceof SendResult.Rejected rejected) {
            return new SendResult.Rejected(step + ": " + rejected.reason(), rejected.recipientGone());
        }
        return result;
    }
}
