/** The note above the header and the footer for whoever may not change them (not printed). */
import { LockIcon } from '../components/LockIcon.js';
import { useT } from '../i18n/locale.js';

/** The read-only note, or nothing when `show` is false. */
export function FrameNote({ show, testId }: { show: boolean; testId: string }) {
  const t = useT();
  if (!show) return null;
  return (
    <div className="section-bar frame-bar">
      <span className="readonly-note" data-testid={testId} role="note">
        <LockIcon />
        {t.frame.readOnly}
      </span>
    </div>
  );
}
