/** The note above the header and the footer for whoever may not change them (not printed). */
import { LockIcon } from '../components/LockIcon.js';
import { useT } from '../i18n/locale.js';

/** The read-only note, or nothing when `show` is false; `issued`: why is that the report is issued (issue 10). */
export function FrameNote({ show, testId, issued = false }: { show: boolean; testId: string; issued?: boolean }) {
  const t = useT();
  if (!show) return null;
  return (
    <div className="section-bar frame-bar">
      <span className="readonly-note" data-testid={testId} role="note" data-reason={issued ? 'issued' : 'role'}>
        <LockIcon />
        {issued ? t.workflow.issued.readOnly : t.frame.readOnly}
      </span>
    </div>
  );
}
