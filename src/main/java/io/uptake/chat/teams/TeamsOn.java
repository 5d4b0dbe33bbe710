package io.uptake.chat.teams;

import io.micronaut.context.condition.Condition;
import io.micronaut.context.condition.ConditionContext;
import io.micronaut.core.value.PropertyResolver;

/** Beans that talk to Teams exist only while the adapter is on: authenticated, or insecure for local use. */
final class TeamsOn implements Condition {

    @Override
    public boolean matches(ConditionContext context) {
        if (!(context.getBeanContext() instanceof PropertyResolver properties)) {
            return false;
        }
        String appId = properties.getProperty("uptake.teams.app-id", String.class).orElse("");
        String password = properties.getProperty("uptake.teams.app-password", String.class).orElse("");
        boolean insecure = properties.getProperty("uptake.teams.insecure-local", Boolean.class).orElse(false);
        boolean hasId = TeamsSettings.present(appId);
        return hasId ? TeamsSettings.present(password) && !insecure : insecure;
    }
}
