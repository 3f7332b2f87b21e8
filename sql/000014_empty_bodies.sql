-- wpingest schema, version 14: articles stored without body text (a password-protected post, an image-only post,
-- or text extraction did not keep) are counted by `status`, the run summary and the dashboard; they are few, so a
-- partial index keeps that count cheap on a large database.
CREATE INDEX articles_empty_body ON articles (id) WHERE word_count = 0;
