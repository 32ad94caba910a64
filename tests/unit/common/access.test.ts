import { describe, expect, it } from 'vitest';
import { canManageAccounts, canManageReports, canSeeReport, frameAccess, sectionAccess, type Actor } from '../../../common/access.js';

const admin: Actor = { role: 'admin', departmentId: null };
const office: Actor = { role: 'office', departmentId: null };
const chair: Actor = { role: 'chair', departmentId: null };
const noivu: Actor = { role: 'editor', departmentId: 'noivu' };
const orphan: Actor = { role: 'editor', departmentId: null };

describe('access rules', () => {
  it('lets only the admin manage accounts, and the office and admin manage reports', () => {
    expect([admin, office, chair, noivu].map((actor) => canManageAccounts(actor.role))).toEqual([true, false, false, false]);
    expect([admin, office, chair, noivu].map((actor) => canManageReports(actor.role))).toEqual([true, true, false, false]);
  });

  it('shows a report to the office, the admin, the chair and departments owning one of its sections', () => {
    const owners = ['vhtt', 'noivu', null];
    expect(canSeeReport(admin, owners)).toBe(true);
    expect(canSeeReport(office, [])).toBe(true);
    expect(canSeeReport(chair, [])).toBe(true);
    expect(canSeeReport(noivu, owners)).toBe(true);
    expect(canSeeReport(noivu, ['vhtt', null])).toBe(false);
    expect(canSeeReport(orphan, [null, null])).toBe(false);
  });

  it('lets a department write its own section only, the office every section, the chair none', () => {
    expect(sectionAccess(noivu, 'noivu')).toBe('write');
    expect(sectionAccess(noivu, 'vhtt')).toBe('read');
    expect(sectionAccess(noivu, null)).toBe('read');
    expect(sectionAccess(orphan, null)).toBe('read');
    expect(sectionAccess(office, 'vhtt')).toBe('write');
    expect(sectionAccess(admin, null)).toBe('write');
    expect(sectionAccess(chair, 'noivu')).toBe('read');
  });

  it('lets only the office and admin write the frame', () => {
    expect([admin, office, chair, noivu].map(frameAccess)).toEqual(['write', 'write', 'read', 'read']);
  });
});
