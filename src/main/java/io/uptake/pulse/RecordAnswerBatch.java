package io.uptake.pulse;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Records several answers in one transaction, so a burst of clicks pays for one commit. */
@Singleton
class RecordAnswerBatch {

    private final RecordAnswer recordAnswer;

    RecordAnswerBatch(RecordAnswer recordAnswer) {
        this.recordAnswer = recordAnswer;
    }

    @Transactional
    List<AnswerResult> recordAll(List<AnswerCommand> commands) {
        Map<Long, Optional<RecordAnswer.AskedRound>> asked = new HashMap<>();
        return commands.stream().map(command -> recordAnswer.record(command, asked)).toList();
    }
}
