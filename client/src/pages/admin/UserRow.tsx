/**
 * One account in the admin's table: change the full name, role and department (saved together), disable
 * or enable it, and set a new password.
 */
import { useState, type FormEvent } from 'react';
import type { Role } from '../../../../common/access.js';
import { MIN_PASSWORD_LENGTH, type User } from '../../../../common/account.js';
import { resetPassword, updateUser, type UpdateUserInput } from '../../api/users.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useAction } from '../../components/useAction.js';
import { useT } from '../../i18n/locale.js';
import { useSession } from '../../session/SessionContext.js';
import { cleanName } from './cleanName.js';
import { DepartmentSelect } from './DepartmentSelect.js';
import { RoleSelect } from './RoleSelect.js';

interface UserRowProps {
  user: User;
  /** Called with the account as the server now has it. */
  onChanged(user: User): void;
}

/** The changes between the account and the row's fields; empty when there are none. */
function changesOf(user: User, displayName: string, role: Role, departmentId: string): UpdateUserInput {
  const change: UpdateUserInput = {};
  if (cleanName(displayName) !== user.displayName) change.displayName = cleanName(displayName);
  if (role !== user.role) change.role = role;
  if ((departmentId === '' ? null : departmentId) !== user.departmentId) change.departmentId = departmentId === '' ? null : departmentId;
  return change;
}

function PasswordForm({ user, onDone }: { user: User; onDone(): void }) {
  const t = useT();
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  const action = useAction();
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (await action.run(() => resetPassword(user.id, password))) {
      setPassword('');
      setDone(true);
    }
  };
  return (
    <form className="inline-form password-form" data-testid="user-password-form" onSubmit={submit}>
      <input
        data-testid="user-password-input"
        type="password"
        autoComplete="new-password"
        aria-label={t.admin.users.newPassword}
        placeholder={t.admin.users.newPassword}
        minLength={MIN_PASSWORD_LENGTH}
        required
        value={password}
        onChange={(event) => {
          setDone(false);
          setPassword(event.target.value);
        }}
      />
      <button type="submit" className="primary-button" data-testid="user-password-submit" disabled={action.pending}>
        {t.admin.users.setPassword}
      </button>
      <button type="button" className="link-button" onClick={onDone}>
        {t.admin.cancel}
      </button>
      <span className="field-hint">{t.admin.users.passwordHint(MIN_PASSWORD_LENGTH)}</span>
      {done ? (
        <span className="saved-note" role="status" data-testid="user-password-done">
          {t.admin.users.passwordSet(user.username)}
        </span>
      ) : null}
      <ErrorMessage title={t.admin.users.error} error={action.error} />
    </form>
  );
}

/** A row of the accounts table, and under it, when opened, the password form. */
export function UserRow({ user, onChanged }: UserRowProps) {
  const t = useT();
  const { me, departments } = useSession();
  const [displayName, setDisplayName] = useState(user.displayName);
  const [role, setRole] = useState<Role>(user.role);
  const [departmentId, setDepartmentId] = useState(user.departmentId ?? '');
  const [passwordOpen, setPasswordOpen] = useState(false);
  const action = useAction();
  const changes = changesOf(user, displayName, role, departmentId);
  const dirty = Object.keys(changes).length > 0;
  const valid = cleanName(displayName) !== '';

  const save = (change: UpdateUserInput) => void action.run(async () => onChanged(await updateUser(user.id, change)));
  const revert = () => {
    setDisplayName(user.displayName);
    setRole(user.role);
    setDepartmentId(user.departmentId ?? '');
    action.clear();
  };

  return (
    <>
      <tr data-testid={`user-row-${user.id}`} data-username={user.username} className={user.disabled ? 'is-disabled' : ''}>
        <td className="username-cell">
          {user.username}
          {user.id === me.id ? <span className="muted"> {t.admin.users.you}</span> : null}
        </td>
        <td>
          <input
            data-testid="user-display-name-input"
            aria-label={t.admin.users.displayName}
            value={displayName}
            onChange={(event) => setDisplayName(event.target.value)}
          />
        </td>
        <td>
          <RoleSelect testId="user-role-select" value={role} onChange={setRole} />
        </td>
        <td>
          <DepartmentSelect
            testId="user-department-select"
            label={t.admin.users.department}
            departments={departments}
            value={departmentId}
            onChange={setDepartmentId}
          />
        </td>
        <td>
          <span className={`status-chip ${user.disabled ? 'is-off' : 'is-on'}`} data-testid="user-status">
            {user.disabled ? t.admin.users.disabled : t.admin.users.active}
          </span>
        </td>
        <td className="row-actions">
          {dirty ? (
            <>
              <button type="button" className="primary-button small" data-testid="user-save" disabled={action.pending || !valid} onClick={() => save(changes)}>
                {t.admin.save}
              </button>
              <button type="button" className="link-button" data-testid="user-revert" disabled={action.pending} onClick={revert}>
                {t.admin.cancel}
              </button>
            </>
          ) : null}
          <button type="button" className="link-button" data-testid="user-toggle" disabled={action.pending} onClick={() => save({ disabled: !user.disabled })}>
            {user.disabled ? t.admin.users.enable : t.admin.users.disable}
          </button>
          <button type="button" className="link-button" data-testid="user-password-open" onClick={() => setPasswordOpen((open) => !open)} aria-expanded={passwordOpen}>
            {t.admin.users.resetPassword}
          </button>
        </td>
      </tr>
      {action.error === null && !passwordOpen ? null : (
        <tr className="row-detail" data-testid={`user-detail-${user.id}`}>
          <td colSpan={6}>
            <ErrorMessage title={t.admin.users.error} error={action.error} />
            {passwordOpen ? <PasswordForm user={user} onDone={() => setPasswordOpen(false)} /> : null}
          </td>
        </tr>
      )}
    </>
  );
}
