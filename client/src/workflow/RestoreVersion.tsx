/**
 * "Khôi phục" a version (issue 10, item 5), for the office before the report is issued: asked first, in a
 * dialog that says what happens — the report reads as the version again for everyone who has it open, and
 * the report as it is now is saved first as a version of its own, so nothing is lost. The confirming button
 * has the keyboard, so Enter confirms and Escape (or "Hủy") changes nothing.
 */
import { useRef, useState } from 'react';
import type { RestoredReport } from '../../../common/api/versions.js';
import type { Version } from '../../../common/api/workflow.js';
import { restoreVersion } from '../api/versions.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { useAction } from '../components/useAction.js';
import { useT } from '../i18n/locale.js';
import { ModalDialog } from './ModalDialog.js';

interface RestoreVersionProps {
  reportId: string;
  version: Pick<Version, 'id' | 'label' | 'createdAt'>;
  /** After the server restored it (the rooms bring the text to every open page). */
  onRestored(result: RestoredReport): void;
}

export function RestoreVersion({ reportId, version, onRestored }: RestoreVersionProps) {
  const t = useT();
  const strings = t.versions;
  const action = useAction();
  const [asking, setAsking] = useState(false);
  const button = useRef<HTMLButtonElement>(null);

  const close = () => {
    action.clear();
    setAsking(false);
  };
  const confirm = async () => {
    let result: RestoredReport | undefined;
    if (await action.run(async () => (result = await restoreVersion(reportId, version.id)))) {
      setAsking(false);
      if (result) onRestored(result);
    }
  };

  return (
    <>
      <button ref={button} type="button" className="version-action" data-testid="version-restore" onClick={() => setAsking(true)}>
        {strings.restore}
      </button>
      {asking && (
        <ModalDialog title={strings.restoreTitle} testId="restore-dialog" onClose={close} fallbackFocus={button}>
          <p className="workflow-dialog-intro">{strings.restoreExplain(version.label, strings.at(version.createdAt))}</p>
          <p className="workflow-dialog-intro">{strings.restoreSafe(version.label)}</p>
          <ErrorMessage title={strings.restoreError} error={action.error} />
          <div className="workflow-dialog-actions">
            <button
              type="button"
              className="workflow-button is-primary"
              data-testid="restore-confirm"
              data-autofocus
              aria-busy={action.pending}
              onClick={() => action.pending || void confirm()}
            >
              {action.pending ? strings.restoring : strings.restoreConfirm}
            </button>
            <button type="button" className="workflow-button" data-testid="restore-cancel" onClick={close}>
              {strings.cancel}
            </button>
          </div>
        </ModalDialog>
      )}
    </>
  );
}
