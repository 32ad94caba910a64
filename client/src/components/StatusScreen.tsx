/** A whole-page message while the app cannot show a page yet: loading, or the server out of reach. */
import { useT } from '../i18n/locale.js';
import { describeError } from './ErrorMessage.js';

interface StatusScreenProps {
  title: string;
  /** What went wrong, shown under the title. */
  error?: unknown;
  /** Offers a "try again" button. */
  onRetry?: () => void;
}

/** Centred on the desk, like the login card. */
export function StatusScreen({ title, error, onRetry }: StatusScreenProps) {
  const t = useT();
  const failed = error !== undefined && error !== null;
  return (
    <main className="login-page">
      <section className="card login-card" role={failed ? 'alert' : 'status'} aria-busy={!failed}>
        <p className={failed ? '' : 'muted'}>{title}</p>
        {failed ? <p className="error-message">{describeError(t, error)}</p> : null}
        {onRetry === undefined ? null : (
          <button type="button" className="primary-button" onClick={onRetry}>
            {t.session.retry}
          </button>
        )}
      </section>
    </main>
  );
}
