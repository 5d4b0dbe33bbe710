/**
 * The bridge to Quartz: jobs created from the application context, one thin job per use case.
 */
package io.uptake.schedule;
