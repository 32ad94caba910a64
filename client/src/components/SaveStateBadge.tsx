/**
 * The page's one overall state: connected and saved, saving, reconnecting or offline; and beside it, while
 * the server has not confirmed some local changes, how many ("3 thay đổi chưa gửi"), whether or not the
 * page is connected — those of an earlier visit, kept by the browser, included.
 */
import type { OverallStatus } from '../collab/saveState.js';
import { useT } from '../i18n/locale.js';

/** Shows `status` as a coloured dot and a label; `data-state` carries the machine-readable state. */
export function SaveStateBadge({ status }: { status: OverallStatus }) {
  const t = useT();
  const label = status.state === 'reconnecting' && status.firstConnection ? t.saveState.connecting : t.saveState[status.state];
  return (
    <span className="save-state-area">
      <span className={`save-state is-${status.state}`} data-testid="save-state" data-state={status.state} role="status" aria-live="polite">
        <span className="save-state-dot" aria-hidden="true" />
        {label}
      </span>
      {status.unsent === 0 ? null : (
        // Not a live region: while someone types, the count changes with every key.
        <span
          className={`save-state-unsent ${status.keptLocally ? 'is-kept' : ''}`}
          data-testid="unsent-changes"
          data-count={status.unsent}
          data-kept={status.keptLocally}
          title={status.keptLocally ? t.saveState.keptLocally : t.saveState.notKeptLocally}
        >
          {t.saveState.unsent(status.unsent)}
        </span>
      )}
    </span>
  );
}
