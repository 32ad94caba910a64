/**
 * An audit entry's detail in words (issue 10, item 6): the known keys of each action said in the reader's
 * language, department ids named; anything else shown as `key: value`, so nothing is hidden.
 */
import type { AuditLogEntry } from '../../../common/api/audit.js';
import type { AuditMessages } from '../i18n/audit.js';

/** `HH:mm` of an instant, in the reader's time zone. */
function clock(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

/**
 * The parts of the detail, in order.
 * @param departmentName The name of a department by id (`''`: nobody), for assignments.
 */
export function describeDetail(t: AuditMessages, entry: Pick<AuditLogEntry, 'action' | 'detail'>, departmentName: (id: string) => string): string[] {
  const { detail } = entry;
  const parts: string[] = [];
  const rest = new Map(Object.entries(detail));
  const take = (key: string) => {
    const value = rest.get(key);
    rest.delete(key);
    return value;
  };
  const section = take('sectionId');
  if (section !== undefined) parts.push(`${t.detail.section} ${section}`);
  switch (entry.action) {
    case 'section.edited':
    case 'frame.edited': {
      const count = take('count');
      const hour = take('hour');
      if (count !== undefined) parts.push(t.detail.count(count));
      if (hour !== undefined) parts.push(`${t.detail.hour} ${clock(hour)}`);
      break;
    }
    case 'section.assigned':
      parts.push(`${t.detail.from} ${departmentName(take('from') ?? '')} ${t.detail.to} ${departmentName(take('to') ?? '')}`);
      break;
    case 'report.renamed':
      parts.push(`${t.detail.from} “${take('from') ?? ''}” ${t.detail.to} “${take('to') ?? ''}”`);
      break;
    case 'signin.succeeded':
    case 'signin.failed': {
      const reason = take('reason');
      const username = take('username');
      const address = take('address');
      if (reason !== undefined) parts.push(t.detail.reason[reason] ?? reason);
      if (username !== undefined) parts.push(`${t.detail.username} ${username}`);
      if (address !== undefined) parts.push(`${t.detail.address} ${address}`);
      break;
    }
  }
  for (const [key, value] of rest) parts.push(`${key}: ${value}`);
  return parts;
}
