import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode } from '../../../common/closeCodes.js';
import { assignSection, call, createReport, login, seedWorkspace } from '../../helpers/api.js';
import { connectClient, type CollabClient } from '../../helpers/collabClient.js';
import { startServer, type TestServer } from '../../helpers/startServer.js';
import { nextCloseCode } from './support.js';

describe('signing out while connected', () => {
  let server: TestServer;
  const clients: CollabClient[] = [];
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server.close();
  });

  it('closes the connections of that session with 4401, and only those', async () => {
    const ws = await seedWorkspace(server);
    const report = await createReport(server.url, {}, server.adminCookie);
    await assignSection(server.url, server.adminCookie, report.id, 'tham-muu', ws.departments.noivu.id);
    const laptop = await login(server.url, ws.noivu.username, ws.noivu.password);
    const phone = await login(server.url, ws.noivu.username, ws.noivu.password);
    const onLaptop = connectClient(server.collabUrl, report.sections[0]!.room, laptop);
    const onPhone = connectClient(server.collabUrl, report.sections[0]!.room, phone);
    clients.push(onLaptop, onPhone);
    await Promise.all([onLaptop.synced(), onPhone.synced()]);

    const closed = nextCloseCode(onLaptop);
    expect((await call(server.url, laptop, 'DELETE', '/api/session')).status).toBe(204);
    expect(await closed).toBe(CloseCode.sessionEnded);
    expect(onPhone.provider.wsconnected).toBe(true);
    expect((await call(server.url, phone, 'GET', '/api/me')).status).toBe(200);
  });
});
