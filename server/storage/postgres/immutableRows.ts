/**
 * The trigger function that refuses a change, shared by the tables whose rows are written once: the audit
 * log (auditSchema.ts), an issue and an issued report's status (workflowSchema.ts), a rendered PDF and a
 * signed copy (signingSchema.ts). A trigger passes the message as its argument; raising aborts the
 * statement and its transaction, as SQLite's `RAISE(ABORT, …)` does.
 */
import { sqlMigration } from './migrations.js';

export const REFUSE_CHANGE = sqlMigration(
  '2026-12-pg-refuse-change',
  `
CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'restrict_violation';
END;
$$;
`,
);
