import { afterEach, describe, expect, it } from 'vitest';
import { stat, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Department } from '../../common/account.js';
import type { Report, ReportSummary } from '../../common/report.js';
import { call, login } from '../helpers/api.js';
import { connectClient, type CollabClient } from '../helpers/collabClient.js';
import { sectionText } from '../helpers/sectionText.js';
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import { awardCatalogueSchema } from '../../common/awards.js';
import { tallyProse, type TallyRow } from '../../common/tallyProse.js';
import { defaultConfig } from '../../server/config.js';
import { startServer, type TestServer } from '../helpers/startServer.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function start(seedDemo: boolean, printed: string[], adminPassword: string | null): Promise<TestServer> {
  const auth = { ...defaultConfig().auth, seedDemo, adminPassword };
  // startServer signs in as admin with the configured password; with a random one it reads it from the print.
  const server = await startServer({
    config: { auth },
    print: (line) => printed.push(line),
    adminPasswordFrom: () => /password: (\S+)/.exec(printed.join('\n'))?.[1] ?? '',
  });
  cleanups.push(() => server.close());
  return server;
}

describe('first start', () => {
  it('creates admin with a random password printed once, and seeds nothing more when DEMO=0', async () => {
    const printed: string[] = [];
    const server = await start(false, printed, null);
    expect(printed.filter((line) => line.includes('"admin"'))).toHaveLength(1);
    expect(server.adminPassword).toMatch(/^\w{16}$/);
    const reports = (await (await call(server.url, server.adminCookie, 'GET', '/api/reports')).json()) as ReportSummary[];
    expect(reports).toEqual([]);
    const departments = (await (await call(server.url, server.adminCookie, 'GET', '/api/departments')).json()) as Department[];
    expect(departments).toEqual([]);
  });

  it('seeds the demo workspace: departments, accounts with passwords in an owner-only file, the sample report', async () => {
    const printed: string[] = [];
    const server = await start(true, printed, 'quan-tri-thu-nghiem');
    const file = join(server.dataDir, 'demo-accounts.txt');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const accounts = Object.fromEntries(
      [...(await readFile(file, 'utf8')).matchAll(/^(\w+)\s+(\S+)\s/gm)].map((match) => [match[1]!, match[2]!]),
    );
    expect(Object.keys(accounts).sort()).toEqual(['chutich', 'congan', 'noivu', 'vanphong', 'vhtt']);
    expect(printed.join('\n')).toContain(accounts.noivu);

    const noivu = await login(server.url, 'noivu', accounts.noivu!);
    const [summary] = (await (await call(server.url, noivu, 'GET', '/api/reports')).json()) as ReportSummary[];
    expect(summary?.title).toContain('Tuyên truyền gương điển hình tiên tiến');
    const report = (await (await call(server.url, noivu, 'GET', `/api/reports/${summary!.id}`)).json()) as Report;
    const departments = (await (await call(server.url, noivu, 'GET', '/api/departments')).json()) as Department[];
    const nameOf = (id: string | null) => departments.find((department) => department.id === id)?.name;
    expect(report.sections.map((section) => nameOf(section.ownerDepartmentId))).toEqual([
      'Phòng Nội vụ',
      'Phòng Văn hóa - Thông tin',
      'Công an',
      'Văn phòng',
    ]);

    const client: CollabClient = connectClient(server.collabUrl, report.sections[1]!.room, noivu);
    cleanups.push(() => client.destroy());
    await client.synced();
    expect(sectionText(client.doc)).toContain('Mô hình “Ba đồng hành cùng Nhân dân”');
    // The award results are a tally whose rows give the sample's sentence.
    const json = yXmlFragmentToProsemirrorJSON(client.doc.getXmlFragment('body')) as {
      content: Array<{ type: string; content?: Array<{ attrs: TallyRow }> }>;
    };
    const tally = json.content.find((node) => node.type === 'awardTally');
    const catalogue = awardCatalogueSchema.parse(JSON.parse(await readFile(join(import.meta.dirname, '../../templates/award-forms.json'), 'utf8')));
    expect(tallyProse(tally!.content!.map((row) => row.attrs), catalogue)).toBe(
      'Bằng khen của Thủ tướng Chính phủ (02 cá nhân); Ủy ban nhân dân tỉnh đã tặng thưởng: Cờ thi đua tỉnh (03 tập thể); ' +
        'Tập thể lao động xuất sắc (04 tập thể); Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh (19 tập thể và 47 cá nhân).',
    );

    const workspace = await (await call(server.url, noivu, 'GET', '/api/workspace')).json();
    expect(workspace).toEqual({
      agencyName: 'ỦY BAN NHÂN DÂN HUYỆN LẤP VÒ',
      parentAgencyName: 'UBND TỈNH ĐỒNG THÁP',
      placeName: 'Lấp Vò',
      agencySymbol: 'UBND',
    });
  });
});
