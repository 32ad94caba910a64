/**
 * One report, laid out as the A4 document it becomes: the title block, then each section with its own
 * editor. The presence bar above shows who is here and whether everything is saved.
 */
import { useEffect, useState } from 'react';
import type { Report } from '../../../common/report.js';
import { getReport } from '../api/reports.js';
import { useReportRooms } from '../collab/useReportRooms.js';
import { usePeople } from '../collab/usePeople.js';
import { useSaveStatus } from '../collab/useSaveStatus.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { PresenceBar } from '../components/PresenceBar.js';
import { SectionEditor } from '../editor/SectionEditor.js';
import { useT } from '../i18n/locale.js';
import type { Identity } from '../identity.js';
import { Link } from '../router.js';

function ReportSheet({ report, identity }: { report: Report; identity: Identity }) {
  const rooms = useReportRooms(report, identity);
  const people = usePeople(rooms?.frame.provider.awareness);
  const status = useSaveStatus(rooms?.all);
  useEffect(() => {
    document.title = `${report.title} – Đồng Soạn`;
  }, [report.title]);

  return (
    <>
      <PresenceBar people={people} status={status} />
      <main className="desk">
        <article className="sheet" lang="vi">
          <header className="title-block">
            <p className="doc-type">{report.docType.toLocaleUpperCase('vi')}</p>
            <h1 className="doc-subject">{report.title}</h1>
            <hr className="subject-rule" />
          </header>
          {report.sections.map((section) => (
            <SectionEditor key={section.id} section={section} room={rooms?.sections.get(section.id)} identity={identity} />
          ))}
        </article>
      </main>
    </>
  );
}

/** Loads the report `reportId` and shows it. */
export function ReportPage({ reportId, identity }: { reportId: string; identity: Identity }) {
  const t = useT();
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    const abort = new AbortController();
    getReport(reportId, abort.signal).then(setReport, (failure: unknown) => {
      if (!abort.signal.aborted) setError(failure);
    });
    return () => abort.abort();
  }, [reportId]);

  if (report !== null) return <ReportSheet report={report} identity={identity} />;
  return (
    <main className="list-page">
      <section className="card">
        <Link href="/">{t.report.backToList}</Link>
        {error === null ? <p className="muted">{t.report.loading}</p> : <ErrorMessage title={t.report.loadError} error={error} />}
      </section>
    </main>
  );
}
