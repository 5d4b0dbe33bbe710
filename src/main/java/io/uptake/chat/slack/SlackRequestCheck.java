package io.uptake.chat.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a signed Slack request body far enough to know it is well formed: UTF-8, and either JSON (events) or a
 * form with a JSON {@code payload} (interactivity) or a {@code command} (slash commands). Anything else is the
 * caller's mistake and gets a 400 rather than reaching Bolt, which answers malformed bodies with a 500.
 */
final class SlackRequestCheck {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A body that passed, with the event id when it is an Events API delivery, and the interactivity payload
     * (JSON) with its type when it is a button click, modal submission and the like.
     */
    record Checked(String text, String eventId, String payload, String payloadType) {

        Checked(String text, String eventId) {
            this(text, eventId, null, null);
        }
    }

    /** Why a body was refused. */
    static final class Malformed extends Exception {
        Malformed(String message) {
            super(message);
        }
    }

    private SlackRequestCheck() {
    }

    static Checked check(String contentType, byte[] body) throws Malformed {
        String text = utf8(body);
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("application/json")) {
            JsonNode node = json(text);
            if (!node.hasNonNull("type")) {
                throw new Malformed("a JSON body needs a 'type'");
            }
            return new Checked(text, node.path("event_id").asText(null));
        }
        if (type.startsWith("application/x-www-form-urlencoded")) {
            Map<String, String> form = form(text);
            if (form.containsKey("payload")) {
                JsonNode payload = json(form.get("payload"));
                if (!payload.hasNonNull("type")) {
                    throw new Malformed("the interactivity payload needs a 'type'");
                }
                return new Checked(text, null, form.get("payload"), payload.get("type").asText());
            }
            if (form.containsKey("command")) {
                return new Checked(text, null);
            }
            throw new Malformed("a form body needs a 'payload' or a 'command'");
        }
        throw new Malformed("send application/json or application/x-www-form-urlencoded");
    }

    private static String utf8(byte[] body) throws Malformed {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new Malformed("the body is not valid UTF-8");
        }
    }

    private static JsonNode json(String text) throws Malformed {
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || !node.isObject()) {
                throw new Malformed("the body is not a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new Malformed("the body is not valid JSON");
        }
    }

    private static Map<String, String> form(String text) throws Malformed {
        Map<String, String> form = new LinkedHashMap<>();
        try {
            for (String pair : text.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                form.put(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        } catch (IllegalArgumentException e) {
            throw new Malformed("the form body is not properly encoded");
        }
        return form;
    }
}
