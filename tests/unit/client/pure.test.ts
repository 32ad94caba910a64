import { describe, expect, it } from 'vitest';
import { readOnlyReason } from '../../../client/src/editor/readOnlyReason.js';
import { colorFor } from '../../../client/src/identity.js';
import { vi as messages } from '../../../client/src/i18n/vi.js';
import { safeNext } from '../../../client/src/router.js';

describe('safeNext: where to go after signing in', () => {
  it('keeps paths of this site', () => {
    expect(safeNext('/reports/abc')).toBe('/reports/abc');
    expect(safeNext('/admin?tab=users')).toBe('/admin?tab=users');
  });

  it('never sends a person to another site or back to the sign-in page', () => {
    for (const next of [null, '', 'https://evil.example/', '//evil.example', '/\\evil.example', 'javascript:alert(1)', '/login', '/login?next=/x']) {
      expect(safeNext(next), String(next)).toBe('/');
    }
  });
});

describe('readOnlyReason', () => {
  it('gives no reason where the person may write', () => {
    expect(readOnlyReason(messages, { role: 'editor', departmentId: 'd1' }, 'd1', 'Phòng Nội vụ')).toBeNull();
    expect(readOnlyReason(messages, { role: 'office', departmentId: null }, 'd1', 'Phòng Nội vụ')).toBeNull();
  });

  it('names the department that writes the section, says when nobody does, and tells the chair', () => {
    expect(readOnlyReason(messages, { role: 'editor', departmentId: 'd2' }, 'd1', 'Phòng Nội vụ')).toBe('Phần này do Phòng Nội vụ soạn');
    expect(readOnlyReason(messages, { role: 'editor', departmentId: 'd2' }, null, null)).toContain('chưa được giao');
    expect(readOnlyReason(messages, { role: 'chair', departmentId: null }, 'd1', 'Phòng Nội vụ')).toContain('Chủ tịch');
  });
});

describe('colorFor', () => {
  it('gives each account a stable hex colour', () => {
    expect(colorFor('WeKLuGPL3ezf')).toBe(colorFor('WeKLuGPL3ezf'));
    expect(colorFor('abc')).toMatch(/^#[0-9a-f]{6}$/);
    const colours = new Set(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map(colorFor));
    expect(colours.size).toBeGreaterThan(3);
  });
});
