package io.uptake.chat.slack;

import io.uptake.message.PulseCard;
import io.uptake.pulse.PersonalPulses;
import java.util.List;

/**
 * What a person's Home tab shows: their open pulses, their own recent answers and whether they opted out.
 *
 * @param recentAnswers their confidential answers, newest first (anonymous ones are never read back)
 */
record HomeTabContent(List<PulseCard> open, List<PersonalPulses.MyAnswer> recentAnswers, boolean optedOut) {
}
