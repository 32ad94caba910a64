/**
 * The demo workspace: the sample report's agency, its departments, an account for each with a random
 * password (printed once and written to `DATA_DIR/demo-accounts.txt`, readable only by its owner), the
 * chairperson, and the sample report with its sections assigned — so a new user can open two browsers as
 * two departments and see the rules at work within a minute. The data is templates/demo/sample-report.json.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { ROLES } from '../../common/access.js';
import type { ProseMirrorJSON } from '../../common/editorSchema.js';
import type { AccountService } from '../accounts/accountService.js';
import { writeWorkspace, workspaceSchema } from '../accounts/workspaceSettings.js';
import { randomPassword } from '../auth/passwords.js';
import type { ReportService } from '../reports/reportService.js';
import type { Store } from '../storage/store.js';

const demoSchema = z.object({
  templateId: z.string(),
  title: z.string(),
  workspace: workspaceSchema,
  departments: z.array(z.object({ key: z.string(), name: z.string() })),
  accounts: z.array(
    z.object({
      username: z.string(),
      displayName: z.string(),
      role: z.enum(ROLES as [string, ...string[]]).transform((role) => role as (typeof ROLES)[number]),
      department: z.string().optional(),
    }),
  ),
  owners: z.record(z.string(), z.string()),
  frame: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
  preamble: z.custom<ProseMirrorJSON>((value) => typeof value === 'object' && value !== null),
  bodies: z.record(z.string(), z.custom<ProseMirrorJSON>((value) => typeof value === 'object' && value !== null)),
});

export const DEMO_ACCOUNTS_FILE = 'demo-accounts.txt';

export async function seedDemoWorkspace(
  store: Store,
  accounts: AccountService,
  reports: ReportService,
  options: { dataDir: string; templatesDir: string; print: (line: string) => void },
): Promise<void> {
  const demo = demoSchema.parse(JSON.parse(await readFile(join(options.templatesDir, 'demo/sample-report.json'), 'utf8')));
  await writeWorkspace(store, demo.workspace);
  const departmentIds = new Map<string, string>();
  for (const department of demo.departments) {
    departmentIds.set(department.key, (await accounts.createDepartment(department.name)).id);
  }
  const lines: string[] = [];
  for (const account of demo.accounts) {
    const password = randomPassword();
    const departmentId = account.department ? (departmentIds.get(account.department) ?? null) : null;
    await accounts.createUser({ ...account, password, departmentId });
    const department = demo.departments.find((candidate) => candidate.key === account.department)?.name ?? '';
    lines.push(`${account.username.padEnd(10)} ${password}  ${account.displayName} (${account.role}${department ? `, ${department}` : ''})`);
  }
  const owners = Object.fromEntries(
    Object.entries(demo.owners).flatMap(([section, key]) => {
      const id = departmentIds.get(key);
      return id ? [[section, id]] : [];
    }),
  );
  await reports.createFromTemplate(demo.templateId, {
    title: demo.title,
    owners,
    bodies: demo.bodies,
    preamble: demo.preamble,
    frame: demo.frame,
  });

  const file = join(options.dataDir, DEMO_ACCOUNTS_FILE);
  await writeFile(file, `Đồng Soạn demo accounts (username, password, name):\n${lines.join('\n')}\n`, { mode: 0o600 });
  options.print(`Demo workspace seeded (DEMO=0 to skip). Accounts, shown once and kept in ${file}:`);
  for (const line of lines) options.print(`  ${line}`);
}
