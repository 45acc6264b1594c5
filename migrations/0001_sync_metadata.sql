-- Bookkeeping kept by the sync Durable Object beside LiveStore's own event-log tables
-- (sync-cf creates one `eventlog_7_<storeId>` table per store itself, on first use).

-- The seed's STORE_METADATA: one row per store.
CREATE TABLE store_metadata (
  store_id TEXT PRIMARY KEY NOT NULL,
  last_sync_at INTEGER,                 -- unix epoch milliseconds of the last accepted push
  event_count INTEGER NOT NULL DEFAULT 0,
  version TEXT NOT NULL                 -- sync-cf persistence format the event log is written in
);

-- The seed's CLIENT_SESSIONS: one row per sync connection.
CREATE TABLE client_sessions (
  session_id TEXT PRIMARY KEY NOT NULL,
  store_id TEXT NOT NULL,
  user_id TEXT,
  connected_at INTEGER NOT NULL,        -- unix epoch milliseconds
  status TEXT NOT NULL CHECK (status IN ('connected', 'disconnected', 'revoked'))
);

CREATE INDEX client_sessions_store_status ON client_sessions (store_id, status);
