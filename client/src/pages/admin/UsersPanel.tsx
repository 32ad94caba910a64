/** The accounts card: every account, editable in place, and the form that creates one. */
import { useEffect, useState } from 'react';
import type { User } from '../../../../common/account.js';
import { listUsers } from '../../api/users.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useT } from '../../i18n/locale.js';
import { useSession } from '../../session/SessionContext.js';
import { CreateUserForm } from './CreateUserForm.js';
import { UserRow } from './UserRow.js';

function byUsername(a: User, b: User): number {
  return a.username.localeCompare(b.username, 'vi');
}

/** Loads `/api/users` and keeps the list current as accounts are created and changed here. */
export function UsersPanel() {
  const t = useT();
  const { me, reloadMe } = useSession();
  const [users, setUsers] = useState<User[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    const abort = new AbortController();
    listUsers(abort.signal).then(
      (loaded) => setUsers([...loaded].sort(byUsername)),
      (failure: unknown) => {
        if (!abort.signal.aborted) setError(failure);
      },
    );
    return () => abort.abort();
  }, []);

  const changed = (user: User) => {
    setUsers((current) => (current ?? []).map((known) => (known.id === user.id ? user : known)));
    // The header shows the admin's own name and department.
    if (user.id === me.id) void reloadMe();
  };
  const created = (user: User) => setUsers((current) => [...(current ?? []), user].sort(byUsername));

  return (
    <section className="card" data-testid="users-panel" aria-busy={users === null && error === null}>
      <h2>{t.admin.users.heading}</h2>
      <p className="card-intro">{t.admin.users.intro}</p>
      <ErrorMessage title={t.admin.loadError} error={error} />
      {users === null ? null : (
        <div className="table-scroll">
          <table className="admin-table users-table">
            <thead>
              <tr>
                <th scope="col">{t.admin.users.username}</th>
                <th scope="col">{t.admin.users.displayName}</th>
                <th scope="col">{t.admin.users.role}</th>
                <th scope="col">{t.admin.users.department}</th>
                <th scope="col">{t.admin.users.status}</th>
                <th scope="col">{t.admin.users.actions}</th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => (
                <UserRow key={user.id} user={user} onChanged={changed} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <CreateUserForm onCreated={created} />
    </section>
  );
}
