-- Indexes for the scorecard's aggregate queries (metrics/). Each lets a query read only the index, never the
-- table rows: the answers of a round by question and value; a workflow's usage by person and day, the order the
-- scorecard groups it in, with how much and from where; a round's deliveries with whether they were sent and
-- answered.
CREATE INDEX answer_round_value ON answer (round_id, question, value_int, value_num);
CREATE INDEX usage_event_workflow_person_day ON usage_event (workflow_id, person_id, day, count, source);
CREATE INDEX delivery_round_answered ON delivery (round_id, sent_at, answered);
