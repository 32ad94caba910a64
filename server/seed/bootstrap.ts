/**
 * The first start on an empty store: the `admin` account (password from ADMIN_PASSWORD, or a random one
 * printed once) and, unless DEMO=0, the demo workspace (server/seed/demoWorkspace.ts).
 */
import { AppError } from '../errors.js';
import type { AccountService } from '../accounts/accountService.js';
import { randomPassword } from '../auth/passwords.js';
import type { ReportService } from '../reports/reportService.js';
import type { Store } from '../storage/store.js';
import { seedDemoWorkspace } from './demoWorkspace.js';

export interface BootstrapOptions {
  adminPassword: string | null;
  seedDemo: boolean;
  /** Where the demo's passwords file goes. */
  dataDir: string;
  templatesDir: string;
  /** Prints to the operator, once (stdout), never to the log. */
  print: (line: string) => void;
}

/** Seeds an empty store; does nothing when any account exists. */
export async function bootstrap(
  store: Store,
  accounts: AccountService,
  reports: ReportService,
  options: BootstrapOptions,
): Promise<void> {
  if ((await store.countUsers()) > 0) return;
  const password = options.adminPassword ?? randomPassword();
  try {
    await accounts.createUser({ username: 'admin', password, displayName: 'Quản trị hệ thống', role: 'admin' });
  } catch (error) {
    // Several instances starting together on one empty PostgreSQL store (issue 11): the first to create
    // `admin` seeds the workspace; the others find the name taken and leave it to it.
    if (error instanceof AppError && error.status === 409) return;
    throw error;
  }
  if (options.adminPassword === null) {
    options.print(`Created the account "admin" with the password: ${password}  (shown once; change it in the app)`);
  } else {
    options.print('Created the account "admin" with the password from ADMIN_PASSWORD.');
  }
  if (options.seedDemo) await seedDemoWorkspace(store, accounts, reports, options);
}
