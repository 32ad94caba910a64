/**
 * Sign-ins in the audit log (issue 10, item 6): each one that succeeds and each one refused after its
 * password was checked, under the account it was for — workspace-wide, no report. Attempts refused by the
 * throttle (429) are not written: they are what an attack repeats, and the throttle bounds what reaches
 * here. The refusal's reason is for the log's readers only; the caller is told nothing more than 401.
 */
import { AuditAction } from '../../common/auditActions.js';
import type { AuditRecord } from '../storage/reviewStore.js';

/** Why a sign-in was refused: no such account, the wrong password, or an account that may not act. */
export type SignInRefusal = 'unknown' | 'password' | 'inactive';

export type SignInOutcome =
  | { kind: 'succeeded'; userId: string; address: string }
  | { kind: 'failed'; reason: SignInRefusal; username: string; userId: string | null; address: string };

/** The longest username kept in the log: what someone typed may be anything. */
const MAX_LOGGED_USERNAME = 64;

/** The audit entry of a sign-in at `at`. */
export function signInEntry(outcome: SignInOutcome, at: string): AuditRecord {
  switch (outcome.kind) {
    case 'succeeded':
      return { reportId: null, at, userId: outcome.userId, action: AuditAction.signInSucceeded, detail: { address: outcome.address } };
    case 'failed':
      return {
        reportId: null,
        at,
        userId: outcome.userId,
        action: AuditAction.signInFailed,
        detail: { username: outcome.username.slice(0, MAX_LOGGED_USERNAME), address: outcome.address, reason: outcome.reason },
      };
  }
}
