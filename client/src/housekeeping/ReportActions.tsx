/**
 * The office's actions on one report of the list (issue 10, item 7): rename in place, copy, archive or
 * unarchive, and delete a draft after asking. Each calls the server and then has the list reload; the
 * server refuses what the report's status does not allow, and the buttons follow the same rules.
 */
import { useState, type FormEvent } from 'react';
import { MAX_TITLE_LENGTH } from '../../../common/limits.js';
import type { ReportListEntry } from '../../../common/report.js';
import { copyReport, deleteReport, renameReport, setReportArchived } from '../api/housekeeping.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { useAction } from '../components/useAction.js';
import { useT } from '../i18n/locale.js';

interface ReportActionsProps {
  report: ReportListEntry;
  /** The list reloads; `notice` (a copy made) is shown above it. */
  onChanged(notice?: string): void;
}

/** `idle`: the buttons; `renaming`: the title's field; `deleting`: the question before deleting. */
type Mode = 'idle' | 'renaming' | 'deleting';

export function ReportActions({ report, onChanged }: ReportActionsProps) {
  const t = useT().housekeeping;
  const [mode, setMode] = useState<Mode>('idle');
  const [title, setTitle] = useState(report.title);
  const action = useAction();
  const id = report.id;
  const issued = report.status === 'issued';

  const run = async (work: () => Promise<string | undefined | void>) => {
    let notice: string | undefined | void;
    if (await action.run(async () => (notice = await work()))) {
      setMode('idle');
      onChanged(notice ?? undefined);
    }
  };

  const rename = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next = title.normalize('NFC').trim();
    if (next === '' || next === report.title) {
      setMode('idle');
      return;
    }
    void run(() => renameReport(id, next).then(() => undefined));
  };

  let body;
  switch (mode) {
    case 'renaming':
      body = (
        <form className="row-form" onSubmit={rename}>
          <input
            aria-label={t.renameLabel(report.title)}
            data-testid={`rename-input-${id}`}
            value={title}
            maxLength={MAX_TITLE_LENGTH}
            required
            autoFocus
            onChange={(event) => setTitle(event.target.value)}
          />
          <button type="submit" className="link-button" data-testid={`rename-save-${id}`} disabled={action.pending}>
            {t.save}
          </button>
          <button type="button" className="link-button" onClick={() => setMode('idle')}>
            {t.cancel}
          </button>
        </form>
      );
      break;
    case 'deleting':
      body = (
        <div className="row-form" role="group" aria-label={t.delete}>
          <span className="row-question">{t.confirmDelete(report.title)}</span>
          <button
            type="button"
            className="link-button is-danger"
            data-testid={`delete-confirm-${id}`}
            disabled={action.pending}
            onClick={() => void run(() => deleteReport(id))}
          >
            {t.confirm}
          </button>
          <button type="button" className="link-button" onClick={() => setMode('idle')}>
            {t.cancel}
          </button>
        </div>
      );
      break;
    case 'idle':
      body = (
        <div className="row-actions">
          {issued ? null : (
            <button
              type="button"
              className="link-button"
              data-testid={`rename-${id}`}
              onClick={() => {
                setTitle(report.title);
                action.clear();
                setMode('renaming');
              }}
            >
              {t.rename}
            </button>
          )}
          <button
            type="button"
            className="link-button"
            data-testid={`copy-${id}`}
            disabled={action.pending}
            onClick={() => void run(async () => t.copied((await copyReport(id)).title))}
          >
            {t.copy}
          </button>
          <button
            type="button"
            className="link-button"
            data-testid={`archive-${id}`}
            disabled={action.pending}
            onClick={() => void run(() => setReportArchived(id, report.archivedAt === undefined).then(() => undefined))}
          >
            {report.archivedAt === undefined ? t.archive : t.unarchive}
          </button>
          <button
            type="button"
            className="link-button is-danger"
            data-testid={`delete-${id}`}
            disabled={report.status !== 'draft'}
            title={report.status === 'draft' ? undefined : t.onlyDrafts}
            onClick={() => {
              action.clear();
              setMode('deleting');
            }}
          >
            {t.delete}
          </button>
        </div>
      );
  }
  return (
    <>
      {body}
      <ErrorMessage title={t.failed} error={action.error} />
    </>
  );
}
