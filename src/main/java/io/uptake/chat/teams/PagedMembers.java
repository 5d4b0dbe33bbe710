package io.uptake.chat.teams;

import com.microsoft.bot.connector.rest.ErrorResponseException;
import com.microsoft.bot.schema.ErrorResponse;
import com.microsoft.bot.schema.PagedMembersResult;
import com.microsoft.bot.schema.Serialization;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * One page of a team's members: {@code GET {serviceUrl}/v3/conversations/{teamId}/pagedmembers}.
 *
 * <p>Called directly rather than through the SDK: in Bot Framework for Java 4.14.3 the SDK's call for every page
 * after the first is broken (its declaration puts the continuation token in the path template, which Retrofit
 * refuses). The request goes through the SDK client's own HTTP client, so it carries the bot's token.
 */
@Singleton
@Requires(condition = TeamsOn.class)
class PagedMembers {

    static final int PAGE_SIZE = 200;

    private final Connectors connectors;

    PagedMembers(Connectors connectors) {
        this.connectors = connectors;
    }

    PagedMembersResult page(String serviceUrl, String teamId, String continuationToken) {
        HttpUrl base = HttpUrl.get(serviceUrl.endsWith("/") ? serviceUrl : serviceUrl + "/");
        HttpUrl.Builder url = base.newBuilder().addPathSegments("v3/conversations").addPathSegment(teamId)
                .addPathSegment("pagedmembers").addQueryParameter("pageSize", String.valueOf(PAGE_SIZE));
        if (continuationToken != null) {
            url.addQueryParameter("continuationToken", continuationToken);
        }
        Request request = new Request.Builder().url(url.build()).get().build();
        try (Response response = connectors.client(serviceUrl).httpClient().newCall(request).execute()) {
            String body = response.body() == null ? "" : response.body().string();
            if (!response.isSuccessful()) {
                throw new ErrorResponseException("pagedmembers", retrofit2.Response.error(
                        ResponseBody.create(body, null), response), read(body, ErrorResponse.class));
            }
            PagedMembersResult page = read(body, PagedMembersResult.class);
            if (page == null) {
                throw new IOException("the roster page was not JSON the Bot Connector sends");
            }
            return page;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T read(String body, Class<T> type) {
        try {
            return body.isBlank() ? null : Serialization.treeToValue(Serialization.jsonToTree(body), type);
        } catch (IOException e) {
            return null;
        }
    }
}
