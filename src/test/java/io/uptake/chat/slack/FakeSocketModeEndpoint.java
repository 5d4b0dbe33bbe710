package io.uptake.chat.slack;

import javax.websocket.OnMessage;
import javax.websocket.OnOpen;
import javax.websocket.Session;
import javax.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Slack's side of a Socket Mode connection: says hello, delivers the scripted envelope on every connection (Slack
 * redelivers what was not acknowledged) and collects the acknowledgements.
 */
@ServerEndpoint("/link")
public class FakeSocketModeEndpoint {

    static final BlockingQueue<String> ENVELOPES = new LinkedBlockingQueue<>();
    static final BlockingQueue<String> ACKS = new LinkedBlockingQueue<>();

    @OnOpen
    public void open(Session session) throws IOException {
        session.getBasicRemote().sendText("{\"type\":\"hello\",\"num_connections\":1,"
                + "\"connection_info\":{\"app_id\":\"A1\"},\"debug_info\":{\"host\":\"test\"}}");
        String envelope = ENVELOPES.peek();
        if (envelope != null) {
            session.getBasicRemote().sendText(envelope);
        }
    }

    @OnMessage
    public void message(String text) {
        ACKS.add(text);
    }
}
