/**
 * The form checker on the report page's live rooms (issue 12): the shared rules (common/checks) run in the
 * browser on the documents people are typing into, again ~300 ms after the last change — at the latest a
 * second and a half after the first of a run of changes — so that the panel follows the typing without
 * checking on every keystroke. Null until every room has synced once.
 */
import { useEffect, useState } from 'react';
import type { Finding } from '../../../common/checks/finding.js';
import type { CheckContext, ReportDocs } from '../../../common/checks/reportContent.js';
import { checkDocs } from '../../../common/checks/runChecks.js';
import type { Report } from '../../../common/report.js';
import type { ReportRooms } from '../collab/useReportRooms.js';

/** Quiet time after a change before checking again. */
export const CHECK_DEBOUNCE_MS = 300;
/** The longest a change waits for its check while changes keep coming. */
const CHECK_MAX_WAIT_MS = 1_500;

export function useLiveFindings(report: Report, rooms: ReportRooms | null, context: CheckContext): Finding[] | null {
  const [findings, setFindings] = useState<Finding[] | null>(null);
  const { sections } = report;

  useEffect(() => {
    if (rooms === null) return;
    const connections = [rooms.frame, ...sections.flatMap((section) => rooms.sections.get(section.id) ?? [])];
    const docs: ReportDocs = {
      frame: rooms.frame.doc,
      sections: sections.map(({ id, number, title }) => ({ id, number, title, doc: rooms.sections.get(id)?.doc })),
    };
    let timer: ReturnType<typeof setTimeout> | undefined;
    let firstChange: number | null = null;
    const run = () => {
      timer = undefined;
      firstChange = null;
      if (connections.every((room) => room.provider.synced)) setFindings(checkDocs(docs, context, 'draft'));
    };
    const schedule = () => {
      firstChange ??= Date.now();
      clearTimeout(timer);
      timer = setTimeout(run, Math.max(0, Math.min(CHECK_DEBOUNCE_MS, firstChange + CHECK_MAX_WAIT_MS - Date.now())));
    };
    run();
    for (const room of connections) {
      room.doc.on('update', schedule);
      room.provider.on('sync', schedule);
    }
    return () => {
      clearTimeout(timer);
      for (const room of connections) {
        room.doc.off('update', schedule);
        room.provider.off('sync', schedule);
      }
    };
  }, [rooms, sections, context]);

  return findings;
}
