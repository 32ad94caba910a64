/**
 * The line above a section's heading, outside the document's text (not printed): who owns the section —
 * a select to reassign it for the office and the admin — and, where the person may not write, why.
 */
import { useState } from 'react';
import type { Department } from '../../../common/account.js';
import { assignSection } from '../api/reports.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { LockIcon } from '../components/LockIcon.js';
import { useT } from '../i18n/locale.js';

interface SectionBarProps {
  reportId: string;
  sectionId: string;
  /** The owning department's id, null when unassigned. */
  ownerDepartmentId: string | null;
  /** The owner's name, null when unassigned. */
  ownerName: string | null;
  /** True when the owner is the reader's own department. */
  ownDepartment: boolean;
  /** The departments the section may be given to; the select is shown only when given (office, admin). */
  assignable?: readonly Department[];
  /** Called with the owner the server confirmed after an assignment from this page. */
  onAssigned(ownerDepartmentId: string | null): void;
  /** Why the person may not write the section; null when they may. */
  readOnlyReason: string | null;
}

function AssignSelect({ reportId, sectionId, ownerDepartmentId, assignable, onAssigned }: Required<Pick<SectionBarProps, 'reportId' | 'sectionId' | 'ownerDepartmentId' | 'assignable' | 'onAssigned'>>) {
  const t = useT();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // A disabled department that still owns the section stays in the list, so the select shows it.
  const options = assignable.filter((department) => !department.disabled || department.id === ownerDepartmentId);

  const assign = async (value: string) => {
    setPending(true);
    setError(null);
    try {
      const section = await assignSection(reportId, sectionId, value === '' ? null : value);
      onAssigned(section.ownerDepartmentId);
    } catch (failure) {
      setError(failure);
    } finally {
      setPending(false);
    }
  };

  return (
    <>
      <select
        className="assign-select"
        data-testid={`assign-${sectionId}`}
        aria-label={t.report.assign}
        value={ownerDepartmentId ?? ''}
        disabled={pending}
        onChange={(event) => void assign(event.target.value)}
      >
        <option value="">{t.report.unassigned}</option>
        {options.map((department) => (
          <option key={department.id} value={department.id} disabled={department.disabled}>
            {department.name}
          </option>
        ))}
      </select>
      {error === null ? null : (
        <div className="section-bar-error" data-testid={`assign-error-${sectionId}`}>
          <ErrorMessage title={t.report.assignError} error={error} />
        </div>
      )}
    </>
  );
}

/** The owner (or its select) and the read-only reason of one section. */
export function SectionBar(props: SectionBarProps) {
  const t = useT();
  const { sectionId, ownerDepartmentId, ownerName, ownDepartment, assignable, readOnlyReason } = props;
  return (
    <div className="section-bar">
      <span
        className={`owner-label ${ownerDepartmentId === null ? '' : 'is-assigned'} ${ownDepartment ? 'is-own' : ''}`}
        data-testid={`owner-${sectionId}`}
        data-owner={ownerDepartmentId ?? ''}
      >
        <span className="owner-label-title">{t.report.owner}:</span>{' '}
        {assignable === undefined ? (
          <span className="owner-label-name">{ownerName ?? t.report.unassigned}</span>
        ) : (
          <AssignSelect {...props} assignable={assignable} />
        )}
        {ownDepartment ? <span className="owner-label-own"> {t.report.yourDepartment}</span> : null}
      </span>
      {readOnlyReason === null ? null : (
        <span className="readonly-note" data-testid={`readonly-${sectionId}`} role="note">
          <LockIcon />
          {readOnlyReason}
        </span>
      )}
    </div>
  );
}
