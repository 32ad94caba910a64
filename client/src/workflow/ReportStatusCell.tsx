/**
 * A report's status on the list (issue 10, item 1) and, once issued, the number and date it was issued
 * with: "Đã ban hành", then "Số 05/BC-UBND, ngày 30/06/2025" — how people find an issued report again.
 */
import type { ReportListEntry } from '../../../common/report.js';
import { useT } from '../i18n/locale.js';
import { displayDate } from './issueInput.js';

export function ReportStatusCell({ report }: { report: ReportListEntry }) {
  const t = useT();
  const { status, number, symbol, date } = report;
  return (
    <>
      <span className={`status-chip is-${status}`} data-testid={`report-status-${report.id}`}>
        {t.status[status]}
      </span>
      {status === 'issued' && number !== undefined && symbol !== undefined ? (
        <span className="issued-number" data-testid={`report-number-${report.id}`}>
          {t.workflow.list.number(number, symbol)}
          {date === undefined ? null : `, ${t.workflow.list.date(displayDate(date))}`}
        </span>
      ) : null}
    </>
  );
}
