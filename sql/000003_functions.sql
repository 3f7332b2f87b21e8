-- Helper functions used by the loaders.

-- gmt(text): a WordPress `*_gmt` value ("2026-05-05T13:25:43", UTC without a zone) as timestamptz, or NULL
-- when it is missing or malformed, so one odd post never fails the statement that stores its whole page.
CREATE FUNCTION gmt(value text) RETURNS timestamptz
LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
BEGIN
  IF value IS NULL OR value !~ '^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$' THEN
    RETURN NULL;
  END IF;
  RETURN (CASE WHEN value ~ '(Z|[+-]\d{2}:?\d{2})$' THEN value ELSE value || 'Z' END)::timestamptz;
EXCEPTION WHEN others THEN
  RETURN NULL;
END
$$;

-- ref_rank(candidate, current): whether a teaser's structural key `candidate` should replace `current`.
-- Structural keys (nid:, url:) beat text ones, then the smallest wins, so the result does not depend on
-- which post was loaded first.
CREATE FUNCTION ref_rank(candidate text, current text) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN current IS NULL THEN candidate IS NOT NULL
    WHEN candidate IS NULL THEN false
    WHEN (candidate LIKE 'text:%') <> (current LIKE 'text:%') THEN current LIKE 'text:%'
    ELSE candidate < current
  END
$$;
