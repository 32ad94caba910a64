/**
 * Issuing asks the form checker twice (issue 12): before freezing, with the number and date it is about to
 * write — refused then, nothing has changed — and once frozen, on the rooms as they now are (someone may have
 * typed an error in before the freeze) — refused then, everything is put back. Warnings do not stop it.
 */
import type { FastifyBaseLogger } from 'fastify';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../../common/checks/finding.js';
import type { Report } from '../../../../common/report.js';
import type { Identity } from '../../../../server/auth/identity.js';
import type { IssueFields } from '../../../../server/checks/checkService.js';
import { AppError } from '../../../../server/errors.js';
import type { Store } from '../../../../server/storage/store.js';
import { Freezes } from '../../../../server/workflow/freezes.js';
import { issueReport, type IssueDeps } from '../../../../server/workflow/issue.js';
import type { WorkflowRooms } from '../../../../server/workflow/workflowRooms.js';

const report = { id: 'r1', status: 'approved', sections: [] } as unknown as Report;
const caller = { userId: 'u-office', role: 'office', departmentId: null } as unknown as Identity;

const finding = (severity: Finding['severity']): Finding => ({
  id: `authority-form:frame:signTitle:${severity}`,
  rule: 'authority-form',
  severity,
  clause: 'Nghị định 30/2020/NĐ-CP',
  clauseKey: 'authority',
  message: 'Quyền hạn ký viết “Q.” rồi một dấu cách.',
  part: 'frame',
  target: { kind: 'field', field: 'signTitle' },
  params: {},
});

/** An issue's dependencies that write down what is done to them; `answers` are the checker's, in turn. */
function issueDeps(answers: Finding[][]) {
  const done: string[] = [];
  const asked: Array<IssueFields | undefined> = [];
  const freezes = new Freezes();
  const rooms = {
    frameSymbol: async () => 'BC-UBND',
    setFrozen: async (_report: Report, frozen: boolean) => void done.push(frozen ? 'freeze' : 'thaw'),
    writeFrameIssue: async () => {
      done.push('write number and date');
      return { number: undefined, date: undefined };
    },
    restoreFrameIssue: async () => void done.push('restore number and date'),
  } as unknown as WorkflowRooms;
  const store = {
    lastIssuedNumber: async () => 4,
    numberHolder: async () => null,
    changeStatus: async () => {
      done.push('store the status');
      return true;
    },
  } as unknown as Store;
  const deps: IssueDeps = {
    store,
    reports: { find: async () => report },
    rooms,
    freezes,
    buildFinalDocx: async () => {
      done.push('build the Word file');
      return { fileName: 'bc.docx', sha256: '0'.repeat(64), bytes: new Uint8Array() } as never;
    },
    versions: { capture: async () => ({ id: 'v1' }) as never },
    logger: { error: () => undefined } as unknown as FastifyBaseLogger,
    now: () => new Date('2025-06-30T03:00:00Z'),
    checks: async (_report, fields) => {
      asked.push(fields);
      done.push(fields ? 'check before freezing' : 'check frozen');
      return answers.shift() ?? [];
    },
  };
  return { deps, done, asked, freezes };
}

async function refusal(run: Promise<unknown>): Promise<AppError> {
  const error = await run.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('issuing and the form checker', () => {
  it('is refused before anything changes while the rooms hold an error, given the number and date it would write', async () => {
    const { deps, done, asked, freezes } = issueDeps([[finding('error'), finding('warning')]]);
    const error = await refusal(issueReport(deps, caller, report, { date: '2025-06-30' }));
    expect([error.status, error.code]).toEqual([409, 'checks_failed']);
    expect(error.details).toEqual({ findings: [finding('error')] });
    expect(asked).toEqual([{ number: '05', date: '2025-06-30' }]);
    expect(done).toEqual(['check before freezing']);
    expect(freezes.isHeld(report.id)).toBe(false);
  });

  it('checks the frozen rooms again and, finding an error typed in meanwhile, puts everything back', async () => {
    const { deps, done, freezes } = issueDeps([[], [finding('error')]]);
    const error = await refusal(issueReport(deps, caller, report, { number: 7, date: '2025-06-30' }));
    expect(error.code).toBe('checks_failed');
    expect(done).toEqual(['check before freezing', 'freeze', 'write number and date', 'check frozen', 'restore number and date', 'thaw']);
    expect(freezes.isHeld(report.id)).toBe(false);
  });

  it('issues when the checker finds only warnings', async () => {
    const { deps, done } = issueDeps([[finding('warning')], [finding('warning')]]);
    expect(await issueReport(deps, caller, report, { number: 7, date: '2025-06-30' })).toBe(true);
    expect(done).toEqual(['check before freezing', 'freeze', 'write number and date', 'check frozen', 'build the Word file', 'store the status']);
  });
});
