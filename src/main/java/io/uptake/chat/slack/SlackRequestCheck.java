package io.uptake.chat.slack;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a signed Slack request body far enough to know it is well formed: UTF-8, and either JSON (events) or a
 * form with a JSON {@code payload} (interactivity) or a {@code command} (slash commands). Anything else is the
 * caller's mistake and gets a 400 rather than reaching Bolt, which answers malformed bodies with a 500.
 */
final class SlackRequestCheck {

    private static final JsonFactory JSON = new JsonFactory();

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
            Map<String, String> fields = topLevel(text, "type", "event_id");
            if (fields.get("type") == null) {
                throw new Malformed("a JSON body needs a 'type'");
            }
            SlackPayloadShape.event(text);
            return new Checked(text, fields.get("event_id"));
        }
        if (type.startsWith("application/x-www-form-urlencoded")) {
            Map<String, String> form = form(text);
            if (form.containsKey("payload")) {
                String payloadType = topLevel(form.get("payload"), "type").get("type");
                if (payloadType == null) {
                    throw new Malformed("the interactivity payload needs a 'type'");
                }
                SlackPayloadShape.interaction(form.get("payload"));
                return new Checked(text, null, form.get("payload"), payloadType);
            }
            if (form.containsKey("command")) {
                SlackPayloadShape.command(form);
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

    /**
     * Reads a whole JSON object, which must be well formed, keeping only the named top-level fields that hold a
     * scalar (as text). Nothing else is kept: the object is read once more, into Bolt's classes, after this.
     */
    private static Map<String, String> topLevel(String text, String... names) throws Malformed {
        Map<String, String> found = new HashMap<>();
        try (JsonParser parser = JSON.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new Malformed("the body is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value.isScalarValue()) {
                    if (value != JsonToken.VALUE_NULL && List.of(names).contains(name)) {
                        found.put(name, parser.getText());
                    }
                } else {
                    parser.skipChildren();
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                throw new Malformed("the body is not valid JSON");
            }
        } catch (IOException e) {
            throw new Malformed("the body is not valid JSON");
        }
        return found;
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
