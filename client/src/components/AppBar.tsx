/** The bar at the top of the list and admin pages: the app's name (the way home) and the account. */
import type { ReactNode } from 'react';
import { useT } from '../i18n/locale.js';
import { Link } from '../router.js';
import { AccountMenu } from './AccountMenu.js';
import { LanguageToggle } from './LanguageToggle.js';

/** `children` go between the name and the account (a page's own links). */
export function AppBar({ children }: { children?: ReactNode }) {
  const t = useT();
  return (
    <header className="app-bar">
      <Link href="/" className="app-name">
        {t.appName}
      </Link>
      {children}
      <div className="app-bar-end">
        <AccountMenu />
        <LanguageToggle />
      </div>
    </header>
  );
}
