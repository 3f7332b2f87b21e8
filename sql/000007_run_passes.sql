-- wpingest schema, version 7: each pass of a run (its first, and one more per `backfill --resume`) gets its
-- own settle job. The settle job id is deterministic per run, so without a pass number the finished settle
-- job of the first pass (kept by BullMQ for an hour) silently swallowed the resumed run's settle job and the
-- run stayed running forever.
ALTER TABLE runs ADD COLUMN passes integer NOT NULL DEFAULT 0;
