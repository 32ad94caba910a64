import { describe, expect, it } from 'vitest';
import { canDecideSuggestion, canReadAudit, canResolveThread, canReviewSections, type Actor } from '../../../common/access.js';

const as = (role: Actor['role'], departmentId: string | null, userId: string) => ({ role, departmentId, userId });
const admin = as('admin', null, 'u-admin');
const office = as('office', null, 'u-office');
const chair = as('chair', null, 'u-chair');
const noivu = as('editor', 'noivu', 'u-noivu');
const noivu2 = as('editor', 'noivu', 'u-noivu-2');
const vhtt = as('editor', 'vhtt', 'u-vhtt');
const orphan = as('editor', null, 'u-orphan');

describe('review rules (issue 9)', () => {
  it('lets the author, their department, the section’s department, the office, the admin and the chair resolve a thread', () => {
    const byChair = { authorId: 'u-chair', authorDepartmentId: null };
    const byVhtt = { authorId: 'u-vhtt', authorDepartmentId: 'vhtt' };
    const inNoivusSection = 'noivu';
    expect([admin, office, chair, noivu, noivu2, vhtt, orphan].map((actor) => canResolveThread(actor, byChair, inNoivusSection))).toEqual([
      true,
      true,
      true,
      true,
      true,
      false,
      false,
    ]);
    // vhtt wrote this one in noivu's section: both departments may close it, nobody else of the editors.
    expect([noivu, vhtt, as('editor', 'vhtt', 'u-vhtt-2'), as('editor', 'congan', 'u-congan')].map((actor) => canResolveThread(actor, byVhtt, inNoivusSection))).toEqual([
      true,
      true,
      true,
      false,
    ]);
    // An editor without a department matches no department, not even a section nobody owns.
    expect(canResolveThread(orphan, { authorId: 'u-x', authorDepartmentId: null }, null)).toBe(false);
    expect(canResolveThread(orphan, { authorId: 'u-orphan', authorDepartmentId: null }, null)).toBe(true);
  });

  it('lets whoever writes a section decide its suggestions; the chair does not', () => {
    expect([admin, office, chair, noivu, vhtt, orphan].map((actor) => canDecideSuggestion(actor, 'noivu'))).toEqual([true, true, false, true, false, false]);
    expect(canDecideSuggestion(noivu, null)).toBe(false);
  });

  it('lets only the chair review sections, and the office, admin and chair read the audit log', () => {
    expect([admin, office, chair, noivu].map((actor) => canReviewSections(actor.role))).toEqual([false, false, true, false]);
    expect([admin, office, chair, noivu].map((actor) => canReadAudit(actor.role))).toEqual([true, true, true, false]);
  });
});
