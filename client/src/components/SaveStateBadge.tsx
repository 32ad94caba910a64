/** The page's one overall state: connected and saved, saving, reconnecting or offline. */
import type { OverallStatus } from '../collab/saveState.js';
import { useT } from '../i18n/locale.js';

/** Shows `status` as a coloured dot and a label; `data-state` carries the machine-readable state. */
export function SaveStateBadge({ status }: { status: OverallStatus }) {
  const t = useT();
  const label = status.state === 'reconnecting' && status.firstConnection ? t.saveState.connecting : t.saveState[status.state];
  return (
    <span className={`save-state is-${status.state}`} data-testid="save-state" data-state={status.state} role="status" aria-live="polite">
      <span className="save-state-dot" aria-hidden="true" />
      {label}
    </span>
  );
}
