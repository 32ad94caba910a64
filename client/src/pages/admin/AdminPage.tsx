/**
 * The admin's page (`/admin`): the workspace's names, the departments and the accounts. Others get a
 * short refusal (the server refuses their calls anyway).
 */
import { useEffect } from 'react';
import { canManageAccounts } from '../../../../common/access.js';
import { AppBar } from '../../components/AppBar.js';
import { useT } from '../../i18n/locale.js';
import { Link } from '../../router.js';
import { useSession } from '../../session/SessionContext.js';
import { DepartmentsPanel } from './DepartmentsPanel.js';
import { UsersPanel } from './UsersPanel.js';
import { WorkspaceSettings } from './WorkspaceSettings.js';

/** Shown at `/admin`. */
export function AdminPage() {
  const t = useT();
  const { me } = useSession();
  useEffect(() => {
    document.title = `${t.admin.title} – Đồng Soạn`;
  }, [t]);

  return (
    <>
      <AppBar />
      <main className="list-page admin-page" data-testid="admin-page">
        <h1 className="page-title">{t.admin.title}</h1>
        {canManageAccounts(me.role) ? (
          <>
            <WorkspaceSettings />
            <DepartmentsPanel />
            <UsersPanel />
          </>
        ) : (
          <section className="card" role="alert" data-testid="admin-forbidden">
            <p>{t.admin.forbidden}</p>
            <Link href="/">{t.report.backToList}</Link>
          </section>
        )}
      </main>
    </>
  );
}
