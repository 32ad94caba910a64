/** The report's workflow, live from its review room (see workflowState.ts). */
import { useEffect, useMemo, useState } from 'react';
import type { Report } from '../../../common/report.js';
import type { RoomConnection } from '../collab/connectRoom.js';
import { readWorkflow, sameWorkflow, watchWorkflow, workflowOfReport, type WorkflowState } from './workflowState.js';

/**
 * The status of `report` (and what issuing fixed) as its review room `review` says now; what the report
 * says until the room is connected. Follows every change the server mirrors there, so a status changed on
 * another page shows here without a reload.
 */
export function useWorkflow(report: Report, review: RoomConnection | undefined): WorkflowState {
  const { status, number, symbol, date, issuedSha256 } = report;
  const fallback = useMemo(
    () => workflowOfReport({ status, number, symbol, date, issuedSha256 }),
    [status, number, symbol, date, issuedSha256],
  );
  const [state, setState] = useState<WorkflowState>(fallback);

  useEffect(() => {
    const update = () => {
      const next = review === undefined ? fallback : readWorkflow(review.doc, fallback);
      setState((current) => (sameWorkflow(current, next) ? current : next));
    };
    update();
    return review === undefined ? undefined : watchWorkflow(review.doc, update);
  }, [review, fallback]);

  return state;
}
