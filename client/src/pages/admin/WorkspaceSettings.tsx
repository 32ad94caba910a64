/** The workspace's names: the issuing agency, its parent agency and the place name printed on reports. */
import { useEffect, useState, type FormEvent } from 'react';
import type { Workspace } from '../../../../common/account.js';
import { getWorkspace, saveWorkspace } from '../../api/workspace.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useAction } from '../../components/useAction.js';
import { useT } from '../../i18n/locale.js';
import { cleanName } from './cleanName.js';

const EMPTY: Workspace = { agencyName: '', parentAgencyName: '', placeName: '', agencySymbol: '' };

function normalise(workspace: Workspace): Workspace {
  return {
    agencyName: cleanName(workspace.agencyName),
    parentAgencyName: cleanName(workspace.parentAgencyName),
    placeName: cleanName(workspace.placeName),
    // Symbols are written in capitals (PL III: "BC-UBND").
    agencySymbol: workspace.agencySymbol.replace(/\s+/g, '').toLocaleUpperCase('vi'),
  };
}

/** The form, loaded from and saved to `/api/workspace`. */
export function WorkspaceSettings() {
  const t = useT();
  const [loaded, setLoaded] = useState(false);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [form, setForm] = useState<Workspace>(EMPTY);
  const [saved, setSaved] = useState(false);
  const save = useAction();

  useEffect(() => {
    const abort = new AbortController();
    getWorkspace(abort.signal).then(
      (workspace) => {
        setForm(workspace);
        setLoaded(true);
      },
      (failure: unknown) => {
        if (!abort.signal.aborted) setLoadError(failure);
      },
    );
    return () => abort.abort();
  }, []);

  const change = (key: keyof Workspace, value: string) => {
    setSaved(false);
    setForm((current) => ({ ...current, [key]: value }));
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    await save.run(async () => {
      setForm(await saveWorkspace(normalise(form)));
      setSaved(true);
    });
  };

  const field = (key: keyof Workspace, label: string, placeholder: string, testId: string, required = false, hint?: string) => (
    <label className="field">
      <span className="field-label">{label}</span>
      <input
        data-testid={testId}
        value={form[key]}
        placeholder={placeholder}
        required={required}
        disabled={!loaded}
        onChange={(event) => change(key, event.target.value)}
      />
      {hint === undefined ? null : <span className="field-hint">{hint}</span>}
    </label>
  );

  return (
    <form className="card" data-testid="workspace-form" onSubmit={submit} aria-busy={!loaded && loadError === null}>
      <h2>{t.admin.workspace.heading}</h2>
      <p className="card-intro">{t.admin.workspace.intro}</p>
      <ErrorMessage title={t.admin.loadError} error={loadError} />
      {field('parentAgencyName', t.admin.workspace.parentAgencyName, t.admin.workspace.parentAgencyPlaceholder, 'workspace-parent-agency')}
      {field('agencyName', t.admin.workspace.agencyName, t.admin.workspace.agencyPlaceholder, 'workspace-agency', true)}
      {field('agencySymbol', t.admin.workspace.agencySymbol, 'UBND', 'workspace-agency-symbol', false, t.admin.workspace.agencySymbolHint)}
      {field('placeName', t.admin.workspace.placeName, t.admin.workspace.placePlaceholder, 'workspace-place', true)}
      <ErrorMessage title={t.admin.workspace.error} error={save.error} />
      <div className="form-actions">
        <button type="submit" className="primary-button" data-testid="workspace-save" disabled={!loaded || save.pending}>
          {save.pending ? t.admin.saving : t.admin.save}
        </button>
        {saved ? (
          <span className="saved-note" role="status" data-testid="workspace-saved">
            {t.admin.saved}
          </span>
        ) : null}
      </div>
    </form>
  );
}
