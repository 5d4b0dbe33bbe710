package io.uptake.chat.teams;

import io.micronaut.context.annotation.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses to start when the insecure local flag is set next to an app id, and says loudly when the service
 * accepts unauthenticated Teams activities.
 */
@Context
final class InsecureModeGuard {

    private static final Logger LOG = LoggerFactory.getLogger(InsecureModeGuard.class);

    InsecureModeGuard(TeamsSettings settings) {
        if (settings.refused()) {
            throw new IllegalStateException(TeamsSettings.INSECURE_WITH_APP_ID);
        }
        if (settings.insecure()) {
            LOG.warn("**********************************************************************************");
            LOG.warn("TEAMS INSECURE LOCAL MODE: /api/messages accepts activities WITHOUT authentication.");
            LOG.warn("Use it only with a local emulator; never expose this service to a network.");
            LOG.warn("**********************************************************************************");
        }
    }
}
