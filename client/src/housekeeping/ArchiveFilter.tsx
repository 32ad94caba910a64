/** The list's filter (issue 10, item 7): the reports in use, or the archived ones ("Lưu trữ"). */
import { useT } from '../i18n/locale.js';

export function ArchiveFilter({ archived, onChange }: { archived: boolean; onChange(archived: boolean): void }) {
  const t = useT().housekeeping;
  return (
    <div className="archive-filter" role="group" aria-label={t.filterLabel}>
      <button type="button" className="link-button" aria-pressed={!archived} data-testid="filter-in-use" onClick={() => onChange(false)}>
        {t.inUse}
      </button>
      <button type="button" className="link-button" aria-pressed={archived} data-testid="filter-archived" onClick={() => onChange(true)}>
        {t.archived}
      </button>
    </div>
  );
}
