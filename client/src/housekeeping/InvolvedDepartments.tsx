/** Who is involved in a report (issue 10, item 7): the names of the departments owning its sections. */
import type { ReportListEntry } from '../../../common/report.js';
import { useT } from '../i18n/locale.js';
import { useSession } from '../session/SessionContext.js';

export function InvolvedDepartments({ report }: { report: ReportListEntry }) {
  const t = useT();
  const { department } = useSession();
  const ids = report.departmentIds ?? [];
  if (ids.length === 0) return <span className="involved muted">{t.housekeeping.nobodyInvolved}</span>;
  return (
    <ul className="involved" data-testid={`report-involved-${report.id}`}>
      {ids.map((id) => (
        <li key={id}>{department(id)?.name ?? t.report.unknownDepartment}</li>
      ))}
    </ul>
  );
}
