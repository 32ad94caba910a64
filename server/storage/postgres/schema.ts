/**
 * The PostgreSQL schema as versioned migrations, oldest first (applied by migratePg, migrations.ts). A
 * database starts from the final shape of SQLite's schema, one migration per concept; later changes are
 * appended here, never edited in place: a database records what it has applied by id.
 */
import { ACCOUNTS_SCHEMA } from './accountsSchema.js';
import { AUDIT_SCHEMA } from './auditSchema.js';
import { DOCUMENTS_SCHEMA } from './documentsSchema.js';
import { REFUSE_CHANGE } from './immutableRows.js';
import type { PgMigration } from './migrations.js';
import { REPORTS_SCHEMA } from './reportsSchema.js';
import { REVIEW_SCHEMA } from './reviewSchema.js';
import { SIGNING_SCHEMA } from './signingSchema.js';
import { WORKFLOW_SCHEMA } from './workflowSchema.js';

export const PG_MIGRATIONS: readonly PgMigration[] = [
  REFUSE_CHANGE,
  DOCUMENTS_SCHEMA,
  ACCOUNTS_SCHEMA,
  REPORTS_SCHEMA,
  REVIEW_SCHEMA,
  AUDIT_SCHEMA,
  WORKFLOW_SCHEMA,
  SIGNING_SCHEMA,
];
