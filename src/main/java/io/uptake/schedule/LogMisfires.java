package io.uptake.schedule;

import jakarta.inject.Singleton;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.listeners.TriggerListenerSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs each fire time that was missed: with the do-nothing misfire rule it is skipped, and this says so. A one-off
 * job ({@link Schedules#once}) runs late instead, and this says that.
 */
@Singleton
class LogMisfires extends TriggerListenerSupport {

    private static final Logger LOG = LoggerFactory.getLogger(LogMisfires.class);

    @Override
    public String getName() {
        return "uptake-misfires";
    }

    /** Quartz calls this before moving the trigger on, so the next fire time is still the missed one. */
    @Override
    public void triggerMisfired(Trigger trigger) {
        Object missed = trigger.getNextFireTime() == null ? "(unknown)" : trigger.getNextFireTime().toInstant();
        if (trigger.getMisfireInstruction() == SimpleTrigger.MISFIRE_INSTRUCTION_FIRE_NOW) {
            LOG.info("Schedule {} missed its fire time {}; run now", trigger.getKey().getName(), missed);
            return;
        }
        LOG.warn("Schedule {} missed its fire time {}; skipped, not run late", trigger.getKey().getName(), missed);
    }
}
