-- wpingest schema, version 13: a run records a site's implausible page total once. Two workers fetching the run's
-- last pages at the same moment could both find it unrecorded and both record it (check, then insert): the index
-- makes the second insert a no-op (`insertFailure` is ON CONFLICT DO NOTHING). Earlier duplicates are dropped.
DELETE FROM failures f USING failures g
  WHERE f.reason = 'implausible-total' AND g.reason = 'implausible-total' AND f.run_id = g.run_id AND f.id > g.id;
CREATE UNIQUE INDEX failures_one_implausible_total ON failures (run_id) WHERE reason = 'implausible-total';
