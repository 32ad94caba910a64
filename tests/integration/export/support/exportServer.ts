/** Servers for the export tests: one seeded with the demo workspace and its sample report, and the download. */
import type { Report, ReportSummary } from '../../../../common/report.js';
import { defaultConfig } from '../../../../server/config.js';
import { call, login } from '../../../helpers/api.js';
import { ADMIN_PASSWORD, startServer, type TestServer } from '../../../helpers/startServer.js';

export interface DemoServer {
  server: TestServer;
  /** The sample report, as admin reads it. */
  report: Report;
  /** Signs in as a demo account (vanphong, noivu, vhtt, congan, chutich). */
  loginAs(username: string): Promise<string>;
}

/** A server with the demo workspace seeded; its accounts' passwords are read from what it prints. */
export async function startDemoServer(): Promise<DemoServer> {
  const printed: string[] = [];
  const server = await startServer({
    config: { auth: { ...defaultConfig().auth, seedDemo: true, adminPassword: ADMIN_PASSWORD } },
    print: (line) => printed.push(line),
  });
  try {
    const list = (await (await call(server.url, server.adminCookie, 'GET', '/api/reports')).json()) as ReportSummary[];
    if (list.length !== 1) throw new Error(`expected the one demo report, found ${list.length}`);
    const report = (await (await call(server.url, server.adminCookie, 'GET', `/api/reports/${list[0]!.id}`)).json()) as Report;
    const passwords = new Map(
      printed.flatMap((line) => {
        const match = /^\s+(\S+)\s+(\S+)\s{2}/.exec(line);
        return match ? [[match[1]!, match[2]!] as const] : [];
      }),
    );
    return {
      server,
      report,
      loginAs: (username) => login(server.url, username, passwords.get(username) ?? 'unknown'),
    };
  } catch (error) {
    await server.close();
    throw error;
  }
}

/** `GET /api/reports/:id/export.docx`. */
export function fetchExport(url: string, cookie: string | null, reportId: string): Promise<Response> {
  return call(url, cookie, 'GET', `/api/reports/${encodeURIComponent(reportId)}/export.docx`);
}

/** The export's bytes; fails unless the answer is a Word file. */
export async function downloadExport(url: string, cookie: string, reportId: string): Promise<Uint8Array> {
  const response = await fetchExport(url, cookie, reportId);
  if (response.status !== 200) throw new Error(`export: ${response.status} ${await response.text()}`);
  return new Uint8Array(await response.arrayBuffer());
}
