/** The bar at the top of a report page: the way back, who is here, whether everything is saved, the account. */
import type { Person } from '../collab/presence.js';
import type { OverallStatus } from '../collab/saveState.js';
import { useT } from '../i18n/locale.js';
import { Link } from '../router.js';
import { AccountMenu } from './AccountMenu.js';
import { LanguageToggle } from './LanguageToggle.js';
import { SaveStateBadge } from './SaveStateBadge.js';

interface PresenceBarProps {
  people: readonly Person[];
  status: OverallStatus;
}

/** Sticky at the top of the report page. */
export function PresenceBar({ people, status }: PresenceBarProps) {
  const t = useT();
  return (
    <header className="app-bar presence-bar" data-testid="presence-bar">
      <Link href="/" className="app-bar-back">
        {t.report.backToList}
      </Link>
      <div className="presence-people" role="group" aria-label={t.presence.label}>
        <span className="presence-label">{t.presence.label}:</span>
        <ul className="presence-list">
          {people.map((person) => (
            <li
              key={person.key}
              className="presence-person"
              data-testid="presence-person"
              style={{ borderColor: person.color }}
              title={person.departmentName === undefined ? person.name : `${person.name} · ${person.departmentName}`}
            >
              <span className="presence-dot" style={{ backgroundColor: person.color }} aria-hidden="true" />
              <span className="presence-name">{person.name}</span>
              {person.departmentName === undefined ? null : <span className="presence-department"> · {person.departmentName}</span>}
              {person.self ? <span className="presence-self"> {t.presence.you}</span> : null}
            </li>
          ))}
        </ul>
      </div>
      <div className="app-bar-end">
        <SaveStateBadge status={status} />
        <AccountMenu />
        <LanguageToggle />
      </div>
    </header>
  );
}
