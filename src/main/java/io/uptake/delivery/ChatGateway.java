package io.uptake.delivery;

import io.uptake.platform.Platform;

/** The port through which the outbox reaches a chat platform; one implementation per platform. */
public interface ChatGateway {

    Platform platform();

    /** Sends or edits one message. Never throws for platform errors: they are results. */
    SendResult send(Envelope envelope);
}
