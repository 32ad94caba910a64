/**
 * Once a report is issued nobody writes it (issue 10): every section says why — "Đã ban hành — chỉ xem" —
 * for every role, whoever owns the section, in place of the reason it had before.
 */
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../../common/access.js';
import { readOnlyReason } from '../../../../client/src/editor/readOnlyReason.js';
import { en } from '../../../../client/src/i18n/en.js';
import { vi } from '../../../../client/src/i18n/vi.js';

const PEOPLE: Actor[] = [
  { role: 'admin', departmentId: null },
  { role: 'office', departmentId: null },
  { role: 'editor', departmentId: 'noivu' },
  { role: 'editor', departmentId: 'vhtt' },
  { role: 'chair', departmentId: null },
];

describe('readOnlyReason of an issued report', () => {
  it('is "Đã ban hành — chỉ xem" for everyone, owner or not', () => {
    for (const me of PEOPLE) {
      for (const owner of ['noivu', null]) {
        expect(readOnlyReason(vi, me, owner, owner === null ? null : 'Phòng Nội vụ', true), `${me.role} ${me.departmentId} on ${owner}`).toBe(
          'Đã ban hành — chỉ xem',
        );
      }
    }
    expect(readOnlyReason(en, { role: 'office', departmentId: null }, 'noivu', 'Phòng Nội vụ', true)).toBe('Issued — read only');
  });

  it('leaves the reasons of a report not issued as they were', () => {
    expect(readOnlyReason(vi, { role: 'editor', departmentId: 'noivu' }, 'noivu', 'Phòng Nội vụ', false)).toBeNull();
    expect(readOnlyReason(vi, { role: 'editor', departmentId: 'vhtt' }, 'noivu', 'Phòng Nội vụ')).toBe('Phần này do Phòng Nội vụ soạn');
  });
});
