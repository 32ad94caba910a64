/** A report's audit log (issue 9): every change of its review, who made it and when, for the office, admin and chair. */
import { canReadAudit } from '../../common/access.js';
import type { AuditEntry } from '../../common/review.js';
import type { Identity } from '../auth/identity.js';
import { forbidden } from '../errors.js';
import type { ReviewContext } from './reviewContext.js';

export interface AuditService {
  /** Oldest first. */
  list(caller: Identity, reportId: string): Promise<AuditEntry[]>;
}

export function createAuditService({ store, reports }: ReviewContext): AuditService {
  return {
    async list(caller, reportId) {
      if (!canReadAudit(caller.role)) {
        throw forbidden('Chỉ Văn phòng, quản trị và Chủ tịch mới xem được nhật ký (only the office, the admin and the chairperson read the audit log)');
      }
      await reports.get(caller, reportId);
      return (await store.listAudit(reportId)).map(({ at, userId, action, detail }) => ({ at, userId, action, detail }));
    },
  };
}
