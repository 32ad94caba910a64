/** A path the client has no page for. */
import { useT } from '../i18n/locale.js';
import { Link } from '../router.js';

/** Offers the way back to the reports. */
export function NotFoundPage({ path }: { path: string }) {
  const t = useT();
  return (
    <main className="list-page">
      <section className="card">
        <h1>404</h1>
        <p className="muted">{path}</p>
        <Link href="/">{t.report.backToList}</Link>
      </section>
    </main>
  );
}
