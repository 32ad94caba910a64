/** "Tạo báo cáo": pick a template, optionally a title, create, and go to the new report. */
import { useEffect, useState, type FormEvent } from 'react';
import { MAX_TITLE_LENGTH } from '../../../common/limits.js';
import type { TemplateSummary } from '../../../common/template.js';
import { createReport } from '../api/reports.js';
import { listTemplates } from '../api/templates.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { useT } from '../i18n/locale.js';
import { navigate, reportPath } from '../router.js';

/** The creation form of the reports page. */
export function CreateReportForm() {
  const t = useT();
  const [templates, setTemplates] = useState<TemplateSummary[] | null>(null);
  const [templatesError, setTemplatesError] = useState<unknown>(null);
  const [templateId, setTemplateId] = useState('');
  const [title, setTitle] = useState('');
  const [creating, setCreating] = useState(false);
  const [createError, setCreateError] = useState<unknown>(null);

  useEffect(() => {
    const abort = new AbortController();
    listTemplates(abort.signal).then(
      (loaded) => {
        setTemplates(loaded);
        setTemplateId((current) => current || (loaded[0]?.id ?? ''));
      },
      (error: unknown) => {
        if (!abort.signal.aborted) setTemplatesError(error);
      },
    );
    return () => abort.abort();
  }, []);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (templateId === '' || creating) return;
    setCreating(true);
    setCreateError(null);
    try {
      const trimmed = title.normalize('NFC').trim();
      const report = await createReport(trimmed === '' ? { templateId } : { templateId, title: trimmed });
      navigate(reportPath(report.id));
    } catch (error) {
      setCreateError(error);
      setCreating(false);
    }
  };

  const chosen = templates?.find((template) => template.id === templateId);
  return (
    <form className="card create-report" data-testid="create-report" onSubmit={submit}>
      <h2>{t.create.heading}</h2>
      <ErrorMessage title={t.create.templatesError} error={templatesError} />
      <label className="field">
        <span className="field-label">{t.create.template}</span>
        <select
          data-testid="template-select"
          value={templateId}
          required
          disabled={templates === null}
          onChange={(event) => setTemplateId(event.target.value)}
        >
          <option value="" disabled>
            {t.create.chooseTemplate}
          </option>
          {(templates ?? []).map((template) => (
            <option key={template.id} value={template.id}>
              {template.title}
            </option>
          ))}
        </select>
      </label>
      {chosen ? (
        <p className="template-description">
          {chosen.description} <span className="template-sections">({t.create.sectionCount(chosen.sections.length)})</span>
        </p>
      ) : null}
      <label className="field">
        <span className="field-label">{t.create.title}</span>
        <input
          data-testid="report-title-input"
          name="title"
          maxLength={MAX_TITLE_LENGTH}
          placeholder={t.create.titlePlaceholder}
          value={title}
          onChange={(event) => setTitle(event.target.value)}
        />
      </label>
      <ErrorMessage title={t.create.heading} error={createError} />
      <button type="submit" className="primary-button" data-testid="create-report-submit" disabled={templateId === '' || creating}>
        {creating ? t.create.creating : t.create.submit}
      </button>
    </form>
  );
}
