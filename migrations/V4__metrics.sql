-- Indexes for the scorecard's aggregate queries (metrics/). Each makes a query read only the index, never the
-- table rows: the answers of a round by question and value, a workflow's usage by day with who, how much and
-- from where, and a round's deliveries with whether they were sent and answered.
CREATE INDEX answer_round_value ON answer (round_id, question, value_int, value_num);
CREATE INDEX usage_event_workflow_day_person ON usage_event (workflow_id, day, person_id, count, source);
CREATE INDEX delivery_round_answered ON delivery (round_id, sent_at, answered);
