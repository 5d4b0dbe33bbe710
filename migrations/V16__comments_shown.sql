-- Comments reach the people who can act (issue 18): each free-text answer (question kinds 'comment' and
-- 'blockers-comment') also keeps a copy with names, email addresses, phone numbers and @-mentions replaced by
-- placeholders, written when the answer is stored. Only this copy is ever shown, to the workflow's owner and the
-- programme's sponsor, after the round closes and only when enough people answered. value_text stays as the
-- person wrote it, for their own export. The copy lives in the answer's own row, so whatever deletes the answer
-- (withdrawal while the round is open, erasure, the retention purge) deletes the copy with it. Runs unchanged on
-- SQLite and PostgreSQL.
ALTER TABLE answer ADD COLUMN shown_text TEXT;
