/**
 * The bridge to Quartz: jobs created from the application context, one thin job per use case.
 *
 * <p>Other packages use {@link io.uptake.schedule.Schedules} only. A job is a {@code @Prototype} bean in this
 * package that carries {@code @DisallowConcurrentExecution}, reads its {@code JobDataMap}, calls one use case and
 * returns; {@code OpenRoundJob} is the model. What it throws is logged once and the schedule carries on.
 * Quartz keeps triggers in memory: the schedules live in the project's own tables and are registered at startup.
 */
package io.uptake.schedule;
