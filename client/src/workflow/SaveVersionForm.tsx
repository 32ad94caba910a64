/**
 * "Lưu phiên bản" (issue 10, item 5): the office saves the report as it is now under a name of its own. The
 * name is sent in NFC, trimmed; the server refuses an empty one or one over the length limit, and says why.
 */
import { useState, type FormEvent } from 'react';
import { MAX_VERSION_LABEL_LENGTH, type Version } from '../../../common/api/workflow.js';
import { createVersion } from '../api/versions.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { useAction } from '../components/useAction.js';
import { useT } from '../i18n/locale.js';

interface SaveVersionFormProps {
  reportId: string;
  onSaved(version: Version): void;
}

export function SaveVersionForm({ reportId, onSaved }: SaveVersionFormProps) {
  const t = useT();
  const strings = t.versions;
  const action = useAction();
  const [label, setLabel] = useState('');
  const name = label.normalize('NFC').trim();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (name === '') return;
    let saved: Version | undefined;
    if (await action.run(async () => (saved = await createVersion(reportId, name)))) {
      setLabel('');
      if (saved) onSaved(saved);
    }
  };

  return (
    <form className="version-save" onSubmit={(event) => void submit(event)} data-testid="version-save-form">
      <label className="version-save-field">
        <span>{strings.saveLabel}</span>
        <input
          type="text"
          value={label}
          maxLength={MAX_VERSION_LABEL_LENGTH}
          placeholder={strings.savePlaceholder}
          onChange={(event) => setLabel(event.target.value)}
          data-testid="version-label"
        />
      </label>
      <button type="submit" className="workflow-button is-primary" disabled={name === ''} aria-busy={action.pending} data-testid="version-save">
        {action.pending ? strings.saving : strings.save}
      </button>
      <ErrorMessage title={strings.saveError} error={action.error} />
    </form>
  );
}
