/** "Tài khoản mới": username, full name, password, role and department. */
import { useState, type FormEvent } from 'react';
import type { Role } from '../../../../common/access.js';
import { MIN_PASSWORD_LENGTH, type User } from '../../../../common/account.js';
import { createUser } from '../../api/users.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useAction } from '../../components/useAction.js';
import { useT } from '../../i18n/locale.js';
import { useSession } from '../../session/SessionContext.js';
import { cleanName } from './cleanName.js';
import { DepartmentSelect } from './DepartmentSelect.js';
import { RoleSelect } from './RoleSelect.js';

interface Draft {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  departmentId: string;
}

const EMPTY: Draft = { username: '', displayName: '', password: '', role: 'editor', departmentId: '' };

/** Calls `onCreated` with the account the server created. */
export function CreateUserForm({ onCreated }: { onCreated(user: User): void }) {
  const t = useT();
  const { departments } = useSession();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const action = useAction();
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((current) => ({ ...current, [key]: value }));

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = {
      username: draft.username.trim(),
      displayName: cleanName(draft.displayName),
      password: draft.password,
      role: draft.role,
      ...(draft.departmentId === '' ? {} : { departmentId: draft.departmentId }),
    };
    await action.run(async () => {
      onCreated(await createUser(input));
      setDraft(EMPTY);
    });
  };

  return (
    <form className="create-user" data-testid="user-create-form" onSubmit={submit}>
      <h3>{t.admin.users.createHeading}</h3>
      <div className="form-grid">
        <label className="field">
          <span className="field-label">{t.admin.users.username}</span>
          <input
            data-testid="user-create-username"
            value={draft.username}
            required
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            onChange={(event) => set('username', event.target.value)}
          />
        </label>
        <label className="field">
          <span className="field-label">{t.admin.users.displayName}</span>
          <input data-testid="user-create-display-name" value={draft.displayName} required onChange={(event) => set('displayName', event.target.value)} />
        </label>
        <label className="field">
          <span className="field-label">{t.admin.users.password}</span>
          <input
            data-testid="user-create-password"
            type="password"
            autoComplete="new-password"
            value={draft.password}
            required
            minLength={MIN_PASSWORD_LENGTH}
            onChange={(event) => set('password', event.target.value)}
          />
          <span className="field-hint">{t.admin.users.passwordHint(MIN_PASSWORD_LENGTH)}</span>
        </label>
        <label className="field">
          <span className="field-label">{t.admin.users.role}</span>
          <RoleSelect testId="user-create-role" value={draft.role} onChange={(role) => set('role', role)} />
        </label>
        <label className="field">
          <span className="field-label">{t.admin.users.department}</span>
          <DepartmentSelect
            testId="user-create-department"
            label={t.admin.users.department}
            departments={departments}
            value={draft.departmentId}
            required={draft.role === 'editor'}
            onChange={(value) => set('departmentId', value)}
          />
        </label>
      </div>
      <ErrorMessage title={t.admin.users.error} error={action.error} conflict={t.admin.users.usernameTaken} />
      <button type="submit" className="primary-button" data-testid="user-create-submit" disabled={action.pending}>
        {t.admin.users.create}
      </button>
    </form>
  );
}
