/**
 * The signed-in person in the header: name, department and role, the way to the audit log (the office,
 * the chair and the admin; issue 10), to the admin page (admins only) and the logout button.
 */
import { useState } from 'react';
import { canManageAccounts, canReadAudit } from '../../../common/access.js';
import { AUDIT_PATH } from '../audit/auditPath.js';
import { useT } from '../i18n/locale.js';
import { Link } from '../router.js';
import { useSession } from '../session/SessionContext.js';
import { ErrorMessage } from './ErrorMessage.js';

/** Sits at the end of the app bar. */
export function AccountMenu() {
  const t = useT();
  const { me, identity, department, logOut } = useSession();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const departmentName = department(me.departmentId)?.name;
  const role = t.account.roles[me.role];

  const leave = async () => {
    setPending(true);
    setError(null);
    try {
      await logOut();
    } catch (failure) {
      setError(failure);
      setPending(false);
    }
  };

  return (
    <div className="account-menu" role="group" aria-label={t.account.label}>
      {canReadAudit(me.role) ? (
        <Link href={AUDIT_PATH} className="admin-link" data-testid="audit-link">
          {t.audit.navLink}
        </Link>
      ) : null}
      {canManageAccounts(me.role) ? (
        <Link href="/admin" className="admin-link" data-testid="admin-link">
          {t.account.admin}
        </Link>
      ) : null}
      <span className="current-user" data-testid="current-user">
        <span className="presence-dot" style={{ backgroundColor: identity.color }} aria-hidden="true" />
        <span className="current-user-text">
          <span className="current-user-name" data-testid="current-user-name">
            {me.displayName}
          </span>
          <span className="current-user-detail" data-testid="current-user-detail">
            {departmentName === undefined ? role : `${departmentName} · ${role}`}
          </span>
        </span>
      </span>
      <button type="button" className="link-button" data-testid="logout" onClick={() => void leave()} disabled={pending}>
        {t.account.logout}
      </button>
      {error === null ? null : (
        <div className="account-menu-error">
          <ErrorMessage title={t.account.logout} error={error} />
        </div>
      )}
    </div>
  );
}
