package io.uptake.usage;

import io.micronaut.core.annotation.Nullable;

/**
 * One row of a telemetry batch as it arrived, every field still text so that each mistake can be reported
 * against its row rather than refusing the batch.
 *
 * @param row    the row's number in the batch, from 1 (for a CSV file, its data line)
 * @param chatId a Slack or Teams user id, standing for the email
 */
public record UsageInput(int row, @Nullable String workflow, @Nullable String email, @Nullable String chatId,
                         @Nullable String day, @Nullable String count) {
}
