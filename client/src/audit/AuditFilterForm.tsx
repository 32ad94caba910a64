/**
 * The audit page's filters (issue 10, item 6): a report, a person, an activity (a family of actions, or
 * one action), and a range of days. Applying them changes the page's address, which the page reads.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { AUDIT_FAMILIES } from '../../../common/auditActions.js';
import type { AuditFilters } from '../api/audit.js';
import { useT } from '../i18n/locale.js';

/** Something the person may filter by: its id and how it is shown. */
export interface Choice {
  id: string;
  label: string;
}

interface AuditFilterFormProps {
  filters: AuditFilters;
  reports: readonly Choice[];
  people: readonly Choice[];
  onApply(filters: AuditFilters): void;
}

/** The choices, with the one chosen kept even when it is not among them (a deleted report). */
function withChosen(choices: readonly Choice[], chosen: string | undefined): readonly Choice[] {
  if (chosen === undefined || choices.some((choice) => choice.id === chosen)) return choices;
  return [...choices, { id: chosen, label: chosen }];
}

export function AuditFilterForm({ filters, reports, people, onApply }: AuditFilterFormProps) {
  const t = useT().audit;
  const [draft, setDraft] = useState<AuditFilters>(filters);
  useEffect(() => setDraft(filters), [filters]);
  const set = (key: keyof AuditFilters, value: string) => setDraft((current) => ({ ...current, [key]: value === '' ? undefined : value }));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onApply(draft);
  };
  const actionChoices: Choice[] = AUDIT_FAMILIES.map((family) => ({ id: family, label: t.families[family] }));
  const select = (key: 'report' | 'user' | 'action', label: string, choices: readonly Choice[]) => (
    <label className="field">
      <span className="field-label">{label}</span>
      <select data-testid={`audit-filter-${key}`} value={draft[key] ?? ''} onChange={(event) => set(key, event.target.value)}>
        <option value="">{t.any}</option>
        {withChosen(choices, draft[key]).map((choice) => (
          <option key={choice.id} value={choice.id}>
            {key === 'action' ? (t.actions[choice.id] ?? choice.label) : choice.label}
          </option>
        ))}
      </select>
    </label>
  );
  const day = (key: 'from' | 'to', label: string) => (
    <label className="field">
      <span className="field-label">{label}</span>
      <input type="date" data-testid={`audit-filter-${key}`} value={draft[key] ?? ''} onChange={(event) => set(key, event.target.value)} />
    </label>
  );
  return (
    <form className="audit-filters" aria-label={t.filters} onSubmit={submit}>
      {select('report', t.report, reports)}
      {select('user', t.person, people)}
      {select('action', t.action, actionChoices)}
      {day('from', t.from)}
      {day('to', t.to)}
      <div className="audit-filter-buttons">
        <button type="submit" className="primary-button" data-testid="audit-apply">
          {t.apply}
        </button>
        <button type="button" className="link-button" onClick={() => onApply({})}>
          {t.reset}
        </button>
      </div>
    </form>
  );
}
