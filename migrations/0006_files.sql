-- Uploaded files (materials, results): content-addressed on disk by SHA-256, metadata here.
CREATE TABLE stored_file (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  size int NOT NULL CHECK (size > 0),
  content_type text NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  uploaded_by bigint NOT NULL REFERENCES account (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX stored_file_uploader_idx ON stored_file (uploaded_by, id DESC);
