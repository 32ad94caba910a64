/**
 * `GET /api/audit` (issue 10, item 6): the workspace's audit log for the office, the admin and the
 * chairperson, filtered and paged, or every matching entry as CSV. Input is read with the route table's
 * schemas (common/api/audit.ts).
 */
import type { FastifyInstance } from 'fastify';
import type { AuditLogPage } from '../../common/api/audit.js';
import { api } from '../../common/api/routes.js';
import type { AuditLog } from '../audit/auditLog.js';
import { auditLogCsv } from '../audit/auditLogCsv.js';
import { identityOf } from '../auth/requestAuth.js';
import { queryOf } from './input.js';

export function registerAuditRoutes(app: FastifyInstance, audit: AuditLog): void {
  app.get('/api/audit', async (request, reply) => {
    const caller = identityOf(request);
    const { format, ...filters } = queryOf(api.listAuditLog, request);
    if (format !== 'csv') return reply.send((await audit.page(caller, filters)) satisfies AuditLogPage);
    const day = audit.now().slice(0, 10);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="nhat-ky-${day}.csv"`)
      .header('cache-control', 'no-store')
      .send(auditLogCsv(await audit.all(caller, filters)));
  });
}
