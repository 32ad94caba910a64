/**
 * The workflow the report page shows: the review room's `review` map over what `GET /api/reports/:id`
 * said. The room wins once it has a status (a move made on another page shows at once); issued is final,
 * so a REST answer saying issued — the one a refused write brings — is not undone by a room that has not
 * told yet.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { REVIEW_STATE_MAP } from '../../../../common/rooms.js';
import { readWorkflow, watchWorkflow, workflowOfReport } from '../../../../client/src/workflow/workflowState.js';

const SHA = 'a'.repeat(64);

function roomWith(values: Record<string, string>): Y.Doc {
  const doc = new Y.Doc();
  const map = doc.getMap<unknown>(REVIEW_STATE_MAP);
  for (const [key, value] of Object.entries(values)) map.set(key, value);
  return doc;
}

describe('readWorkflow', () => {
  it('takes the REST answer until the room has a status', () => {
    const fallback = workflowOfReport({ status: 'review' });
    expect(readWorkflow(new Y.Doc(), fallback)).toEqual({ status: 'review' });
  });

  it('follows the room once it has one, backwards too (sent back to draft)', () => {
    expect(readWorkflow(roomWith({ status: 'approved' }), { status: 'review' }).status).toBe('approved');
    expect(readWorkflow(roomWith({ status: 'draft' }), { status: 'approved' }).status).toBe('draft');
  });

  it('carries what issuing fixed, from the room or from the answer', () => {
    const issued = { status: 'issued', number: '05', symbol: 'BC-UBND', date: '2025-06-30', issuedSha256: SHA };
    expect(readWorkflow(roomWith(issued), { status: 'approved' })).toEqual(issued);
    const answer = workflowOfReport({ status: 'issued', number: '05', symbol: 'BC-UBND', date: '2025-06-30', issuedSha256: SHA });
    expect(readWorkflow(roomWith({ status: 'approved' }), answer)).toEqual(issued);
  });

  it('ignores a value that is no status', () => {
    expect(readWorkflow(roomWith({ status: 'published' }), { status: 'draft' }).status).toBe('draft');
  });

  it('tells of each change of the map, and stops when asked', () => {
    const doc = roomWith({ status: 'draft' });
    let calls = 0;
    const stop = watchWorkflow(doc, () => calls++);
    doc.getMap(REVIEW_STATE_MAP).set('status', 'review');
    stop();
    doc.getMap(REVIEW_STATE_MAP).set('status', 'approved');
    expect(calls).toBe(1);
  });
});
