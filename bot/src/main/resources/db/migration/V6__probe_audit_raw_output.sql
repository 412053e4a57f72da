-- A third decision besides allow and deny: 'raw-output', the row a delivery of a probe's redacted
-- output (an ephemeral attachment, on request) leaves. Plain SQL for H2 (MODE=PostgreSQL) and PostgreSQL 15+.
ALTER TABLE probe_audit ALTER COLUMN decision SET DATA TYPE VARCHAR(12);
