-- This database's identity. Queue job ids carry it, so a database that is dropped and created again (same name,
-- run ids restarting at 1) never collides with the finished jobs its predecessor left in Redis: BullMQ keeps a
-- finished job's id for a while and silently ignores a new job with the same id, which would leave pages pending.
CREATE TABLE instance (
  singleton   boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  id          text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);
INSERT INTO instance (id) VALUES (substr(md5(random()::text || clock_timestamp()::text), 1, 10));
