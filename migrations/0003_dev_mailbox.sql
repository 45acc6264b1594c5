-- The dev mailbox: emails "sent" by local and test runs, readable at /dev/mailbox. A production
-- deployment sends through Resend instead and never writes here (unless DEV_MAILBOX is enabled).
CREATE TABLE dev_mailbox (
  id TEXT PRIMARY KEY NOT NULL,
  to_address TEXT NOT NULL,
  subject TEXT NOT NULL,
  text_body TEXT NOT NULL,
  html_body TEXT NOT NULL,
  created_at INTEGER NOT NULL           -- unix epoch milliseconds
);

CREATE INDEX dev_mailbox_to_created ON dev_mailbox (to_address, created_at DESC);
