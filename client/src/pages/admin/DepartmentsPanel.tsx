/** The departments: add one, rename one, disable or enable one. */
import { useState, type FormEvent } from 'react';
import type { Department } from '../../../../common/account.js';
import { createDepartment, updateDepartment } from '../../api/departments.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useAction } from '../../components/useAction.js';
import { useT } from '../../i18n/locale.js';
import { useSession } from '../../session/SessionContext.js';
import { cleanName } from './cleanName.js';

function DepartmentRow({ department, onChanged }: { department: Department; onChanged(): Promise<void> }) {
  const t = useT();
  const [name, setName] = useState(department.name);
  const action = useAction();
  const renamed = cleanName(name);
  const canRename = renamed !== '' && renamed !== department.name;

  const rename = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!canRename) return;
    await action.run(async () => {
      const updated = await updateDepartment(department.id, { name: renamed });
      setName(updated.name);
      await onChanged();
    });
  };
  const toggle = () =>
    void action.run(async () => {
      await updateDepartment(department.id, { disabled: !department.disabled });
      await onChanged();
    });

  return (
    <tr data-testid={`department-row-${department.id}`} className={department.disabled ? 'is-disabled' : ''}>
      <td>
        <form className="inline-form" onSubmit={rename}>
          <input
            data-testid="department-name-input"
            aria-label={t.admin.departments.name}
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
          {canRename ? (
            <button type="submit" className="primary-button small" data-testid="department-rename" disabled={action.pending}>
              {t.admin.departments.rename}
            </button>
          ) : null}
        </form>
        <ErrorMessage title={t.admin.departments.error} error={action.error} conflict={t.admin.departments.nameTaken} />
      </td>
      <td>
        <span className={`status-chip ${department.disabled ? 'is-off' : 'is-on'}`} data-testid="department-status">
          {department.disabled ? t.admin.departments.disabled : t.admin.departments.active}
        </span>
      </td>
      <td>
        <button type="button" className="link-button" data-testid="department-toggle" disabled={action.pending} onClick={toggle}>
          {department.disabled ? t.admin.departments.enable : t.admin.departments.disable}
        </button>
      </td>
    </tr>
  );
}

function CreateDepartmentForm({ onCreated }: { onCreated(): Promise<void> }) {
  const t = useT();
  const [name, setName] = useState('');
  const action = useAction();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const clean = cleanName(name);
    if (clean === '') return;
    const done = await action.run(async () => {
      await createDepartment(clean);
      await onCreated();
    });
    if (done) setName('');
  };

  return (
    <form className="create-row" data-testid="department-create-form" onSubmit={submit}>
      <label className="field">
        <span className="field-label">{t.admin.departments.newName}</span>
        <input
          data-testid="department-create-name"
          value={name}
          required
          placeholder={t.admin.departments.newPlaceholder}
          onChange={(event) => setName(event.target.value)}
        />
      </label>
      <button type="submit" className="primary-button" data-testid="department-create-submit" disabled={action.pending || cleanName(name) === ''}>
        {t.admin.departments.create}
      </button>
      <ErrorMessage title={t.admin.departments.error} error={action.error} conflict={t.admin.departments.nameTaken} />
    </form>
  );
}

/** The departments card. The list is the session's, so owner names everywhere follow a rename. */
export function DepartmentsPanel() {
  const t = useT();
  const { departments, reloadDepartments } = useSession();
  return (
    <section className="card" data-testid="departments-panel">
      <h2>{t.admin.departments.heading}</h2>
      <p className="card-intro">{t.admin.departments.intro}</p>
      {departments.length === 0 ? (
        <p className="muted">{t.admin.departments.empty}</p>
      ) : (
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">{t.admin.departments.name}</th>
              <th scope="col">{t.admin.departments.status}</th>
              <th scope="col">{t.admin.departments.actions}</th>
            </tr>
          </thead>
          <tbody>
            {departments.map((department) => (
              <DepartmentRow key={department.id} department={department} onChanged={reloadDepartments} />
            ))}
          </tbody>
        </table>
      )}
      <CreateDepartmentForm onCreated={reloadDepartments} />
    </section>
  );
}
