/**
 * `buildApp(config)`: the whole server wired explicitly, without listening. `main.ts` listens.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import { Redis } from 'ioredis';
import { AccountService } from './accounts/accountService.js';
import type { LoginThrottle } from './auth/loginThrottle.js';
import { createLoginThrottle } from './auth/throttleFactory.js';
import { registerCookies } from './auth/cookies.js';
import { installRequestAuth } from './auth/requestAuth.js';
import { registerSecurityHeaders } from './auth/securityHeaders.js';
import { DEFAULT_SWEEP_EVERY_MS, startSessionSweep } from './auth/sessionSweep.js';
import { Sessions } from './auth/sessions.js';
import { startHeartbeat } from './collab/heartbeat.js';
import { registerCollab } from './collab/pipeline.js';
import { startSessionWatch } from './collab/sessionWatch.js';
import { RoomRegistry } from './collab/roomRegistry.js';
import type { AppConfig } from './config.js';
import { frameworkError, installErrorHandler, notFoundReply } from './errors.js';
import { ExportPool } from './export/exportPool.js';
import { createReportService } from './reports/reportService.js';
import { createAuditLog } from './audit/auditLog.js';
import { EditTally } from './audit/editTally.js';
import { signInEntry } from './audit/signInAudit.js';
import { createHousekeepingService } from './reports/housekeeping.js';
import { createTitleSync } from './reports/titleSync.js';
import { registerAuditRoutes } from './routes/audit.js';
import { registerCheckRoutes } from './routes/checks.js';
import { createCheckService } from './checks/checkService.js';
import { registerHousekeepingRoutes } from './routes/housekeeping.js';
import { KeyedQueue } from './review/keyedQueue.js';
import { liveReviewRooms } from './review/reviewRooms.js';
import { createReviewService } from './review/reviewService.js';
import { approvalsOf } from './review/sectionApprovals.js';
import { registerAccountRoutes } from './routes/accounts.js';
import { registerExportRoutes } from './routes/export.js';
import { registerHealthRoute } from './routes/health.js';
import { registerMetricsRoute } from './routes/metrics.js';
import { echoRequestIds, requestIdOptions } from './logging/requestIds.js';
import { countResponses } from './metrics/httpResponses.js';
import { meterAppends } from './metrics/meteredStore.js';
import { createMetrics } from './metrics/metrics.js';
import { registerOpenApiRoute } from './routes/openapi.js';
import { registerReportRoutes } from './routes/reports.js';
import { registerReviewRoutes } from './routes/review.js';
import { registerSessionRoutes } from './routes/session.js';
import { registerIssuedPdfRoutes } from './routes/issuedPdf.js';
import { registerPrintPreviewRoute } from './routes/printPreview.js';
import { createPrintPreviewService } from './print/printPreview.js';
import { registerSignedCopyRoutes } from './routes/signedCopy.js';
import { registerTemplateRoutes } from './routes/templates.js';
import { registerVersionRoutes } from './routes/versions.js';
import { registerWorkflowRoutes } from './routes/workflow.js';
import { registerWorkspaceRoutes } from './routes/workspace.js';
import { bootstrap } from './seed/bootstrap.js';
import { createIssuedPdfService } from './signing/issuedPdf.js';
import { signedCopyPublisher } from './signing/signedCopyRoom.js';
import { createSignedCopyService } from './signing/signedCopyService.js';
import { sofficeRenderer } from './signing/sofficeRenderer.js';
import { createNfcRepair } from './collab/nfcRepair.js';
import { LiveEvents } from './scale/liveEvents.js';
import { openRedisBus } from './scale/redisBus.js';
import type { RoomBus } from './scale/roomBus.js';
import { lockDataDir } from './storage/dataDirLock.js';
import { openPostgresStore } from './storage/postgresStore.js';
import { openDataDirStore } from './storage/dataDirStore.js';
import type { Store } from './storage/store.js';
import { loadAwardCatalogue } from './templates/loadAwardCatalogue.js';
import { versionRestorer } from './versions/restore.js';
import { liveRestoreRooms } from './versions/restoreRooms.js';
import { createVersionReader } from './versions/versionReader.js';
import { describeProblem, loadTemplates } from './templates/loadTemplates.js';
import { finalDocxBuilder } from './workflow/finalDocx.js';
import { Freezes } from './workflow/freezes.js';
import { workflowRooms } from './workflow/workflowRooms.js';
import { createWorkflowService } from './workflow/workflowService.js';

export interface BuildOptions {
  /** The store to use; by default the SQLite file in `config.dataDir`. */
  store?: Store;
  /** Where first-start credentials are printed (once); by default stdout. */
  print?: (line: string) => void;
  /**
   * The workflow's clock (issue 10): today's date, which an issue defaults to, and the year whose number
   * sequence comes next. By default the system's; tests move it across a new year.
   */
  now?: () => Date;
  /** Where the JSON log lines go; by default stdout. Tests read them. */
  logStream?: { write(line: string): void };
  /** The bus to other instances; by default Redis when `REDIS_URL` is set, none otherwise. Tests give their own. */
  bus?: RoomBus | null;
  /** The login throttle; by default this process's own (throttleFactory.ts: shared through Redis with several instances). */
  throttle?: LoginThrottle;
}

export async function buildApp(config: AppConfig, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: config.logLevel, ...(options.logStream ? { stream: options.logStream } : {}) },
    bodyLimit: 1024 * 1024,
    // A number of proxies in front: trust that many hops of X-Forwarded-For.
    trustProxy: typeof config.trustProxy === 'number' ? trustHops(config.trustProxy) : config.trustProxy,
    ...requestIdOptions,
    frameworkErrors: frameworkError,
  });
  echoRequestIds(app);
  // Counts and durations for `GET /metrics`; the gauges read the rooms (made below) and the sockets when scraped.
  const metrics = createMetrics({ rooms: () => registry.size, connections: () => app.websocketServer.clients.size });
  countResponses(app, metrics);
  const { store, release: releaseDataDir } = await openStore(config, options.store, app.log);

  const { templates, problems } = await loadTemplates(config.templatesDir);
  for (const problem of problems) app.log.error(describeProblem(problem));
  const awards = await loadAwardCatalogue(config.templatesDir);
  if (awards.problem) app.log.error(describeProblem(awards.problem));

  // The audit log's clock is the workflow's (issue 10): tests move it across hours.
  const clock = options.now ?? (() => new Date());
  const auditLog = createAuditLog({ store, now: clock });
  const editTally = new EditTally({ store, now: clock, logger: app.log });
  // Other instances serving the same rooms (issue 11): stored updates, presence and changes of rights go
  // through the bus; rooms catch up from the store.
  const bus = options.bus !== undefined ? options.bus : await openBus(config, app.log).catch(async (error: unknown) => {
    if (!options.store) await store.close();
    releaseDataDir();
    throw error;
  });
  // Failed sign-ins are counted across every instance when there are several (issue 11): in Redis.
  const throttleRedis = options.throttle || !config.scale.redisUrl ? undefined : openThrottleConnection(config.scale.redisUrl);
  const throttle = createLoginThrottle(config.auth.throttle, throttleRedis, `${config.scale.redisPrefix}:login-throttle:`, (error) =>
    app.log.error({ err: error }, 'login throttle: Redis did not answer; sign-in refused with 503'),
  );
  // An edit stored in a section's room may turn its approval to `changed`; every edit is counted for the
  // audit log; a frame's subject is its report's title (issue 10). `review` and `titles` are made below.
  const registry = new RoomRegistry(
    meterAppends(store, metrics),
    config.collab,
    app.log,
    {
      onStored: (room, userId, doc, update) => {
        review.sections.noteStoredEdit(room, userId);
        editTally.note(room, userId);
        titles.noteStoredEdit(room, doc);
        nfcRepair.noteStoredEdit(room, doc, update);
      },
    },
    bus
      ? {
          bus,
          gapWaitMs: config.scale.gapWaitMs,
          verifyEveryMs: config.scale.verifyEveryMs,
          observer: { lag: metrics.observeRedisLag, caughtUp: metrics.countCatchUp },
        }
      : null,
  );
  // Reports frozen ahead of their stored status while this process issues them (issue 10).
  const freezes = new Freezes();
  const sessions = new Sessions(store, config.auth.sessions);
  const reportsFound = (id: string) => reports.find(id);
  // Changes of rights reach the connections of every instance before the call that made them answers.
  // Which sections are approved, as every stored edit asks (review/sectionApprovals.ts).
  const approvals = approvalsOf(store);
  const live = new LiveEvents({ registry, freezes, approvals, findReport: reportsFound, bus, logger: app.log });
  const accounts = new AccountService(store, (who, change) => live.accountChanged(who, change));
  const reports = createReportService({
    store,
    templates,
    onOwnershipChange: (report) => live.ownershipChanged(report),
  });
  const review = createReviewService({
    store,
    reports,
    rooms: liveReviewRooms(registry, (id) => freezes.isHeld(id)),
    logger: app.log,
    approvals,
    sectionReviewed: (reportId, sectionId) => live.sectionReviewed(reportId, sectionId),
  });
  // One pool of export threads for downloads and for the file stored at issuing.
  const exportPool = new ExportPool(config.export, (error) => app.log.error({ err: error }, 'an export worker failed'));
  // A report's status changes and version restores run one at a time (issue 10).
  // With several instances, one at a time across all of them (the store's lock).
  const reportQueue = new KeyedQueue(store.runExclusive?.bind(store));
  // Renames and the title following the subject run in the same queue: never in the middle of an issue.
  const titles = createTitleSync({ store, registry, logger: app.log, queue: reportQueue });
  // Text a client stored decomposed (NFD) is rewritten as NFC by the server once the room is quiet.
  const nfcRepair = createNfcRepair({ registry, logger: app.log, isFrozen: (id) => freezes.isHeld(id) });
  const housekeeping = createHousekeepingService({
    store,
    reports,
    titles,
    closeRooms: (reportId, code, reason) => live.reportDeleted(reportId, code, reason),
    flushEdits: (reportId) => editTally.flushReport(reportId),
    isFrozen: (report) => freezes.isFrozen(report),
    queue: reportQueue,
    now: clock,
  });
  // The form checker (issue 12), on the rooms as stored: its route, and issuing refused while it finds an error.
  const checks = createCheckService({ store, reports, templates, catalogue: awards.catalogue });
  const workflow = createWorkflowService({
    queue: reportQueue,
    checks: (report, fields) => checks.checkStored(report, 'issue', fields),
    store,
    reports,
    rooms: { ...workflowRooms(registry, store), setFrozen: (report, frozen) => live.setFrozen(report, frozen) },
    freezes,
    buildFinalDocx: finalDocxBuilder({
      // Guidance still stored as text in older reports is left out of the issued file.
      guidanceOf: (report) => reports.guidanceOf(report),
      pool: exportPool,
      store,
      catalogue: awards.catalogue,
      options: config.export,
      onError: (error, report) => app.log.error({ err: error, reportId: report.id }, 'building the final Word file failed'),
      metrics,
    }),
    logger: app.log,
    now: options.now,
  });
  await bootstrap(store, accounts, reports, {
    ...config.auth,
    dataDir: config.dataDir,
    templatesDir: config.templatesDir,
    print: options.print ?? ((line) => console.log(line)),
  });

  const stopSessionSweep = startSessionSweep(sessions, config.auth.sessions.sweepEveryMs ?? DEFAULT_SWEEP_EVERY_MS, app.log);

  installErrorHandler(app);
  await registerCookies(app);
  await registerSecurityHeaders(app, { https: config.auth.sessions.secureCookie });
  await app.register(fastifyWebsocket, {
    // A hard cap well above the protocol limit: messages between the two are refused with 4413 by the
    // room, larger ones by `ws` itself (1009) before they are buffered whole.
    options: { maxPayload: config.collab.maxMessageBytes * 2 },
    // On shutdown, handle and store what every room has received before any socket is closed.
    preClose: async () => {
      await registry.closeAll();
      for (const client of app.websocketServer.clients) client.close(1001, 'server shutting down');
      await new Promise<void>((resolve) => app.websocketServer.close(() => resolve()));
    },
  });

  // The seam where authentication plugs in: REST here, rooms in the pipeline's first step.
  installRequestAuth(app, sessions.authenticate);
  registerSessionRoutes(app, {
    store,
    sessions,
    throttle: options.throttle ?? throttle,
    onSessionEnded: (sessionId) => live.sessionEnded(sessionId),
    recordSignIn: (outcome) => store.appendAudit([signInEntry(outcome, auditLog.now())]),
  });
  registerAccountRoutes(app, accounts);
  registerWorkspaceRoutes(app, store);
  registerHealthRoute(app, { registry, store, redisPing: bus ? () => bus.ping() : undefined });
  registerMetricsRoute(app, { metrics, token: config.metrics.token });
  registerOpenApiRoute(app);
  registerTemplateRoutes(app, templates, awards.catalogue);
  registerReportRoutes(app, reports, review);
  registerHousekeepingRoutes(app, housekeeping, review);
  registerAuditRoutes(app, auditLog);
  registerReviewRoutes(app, review);
  registerWorkflowRoutes(app, workflow, review);
  registerCheckRoutes(app, checks);
  // The issued report's PDF for signing and its signed copy (issue 10, items 3–4).
  const renderer = sofficeRenderer(config.pdf, (error, details) => app.log.error({ err: error, ...details }, 'rendering the PDF failed'));
  app.addHook('onClose', async () => renderer.close());
  registerIssuedPdfRoutes(app, createIssuedPdfService({ reports, store, renderer, now: options.now }));
  // The print preview (issue 12): the current export through the same LibreOffice, one rendering at a time.
  registerPrintPreviewRoute(
    app,
    createPrintPreviewService({
      reports,
      store,
      catalogue: awards.catalogue,
      options: config.export,
      pool: exportPool,
      renderer,
      audit: auditLog,
      onExportError: (error, reportId) => app.log.error({ err: error, reportId }, 'building the Word file for the print preview failed'),
    }),
  );
  const signedCopies = createSignedCopyService({ reports, store, publish: signedCopyPublisher(registry), logger: app.log, now: options.now });
  registerSignedCopyRoutes(app, signedCopies);
  registerVersionRoutes(app, {
    reader: createVersionReader({
      store,
      reports,
      catalogue: awards.catalogue,
      pool: exportPool,
      options: config.export,
      onExportError: (error, reportId) => app.log.error({ err: error, reportId }, 'building the Word file of a version failed'),
      metrics,
    }),
    restore: versionRestorer({
      store,
      reports,
      rooms: liveRestoreRooms(registry, store, (id) => freezes.isHeld(id)),
      freezes,
      queue: reportQueue,
      onSectionChanged: review.sections.noteEdit,
      onFrameChanged: (reportId) => titles.followFrame(reportId),
      logger: app.log,
    }),
    reports,
    review,
    issuedFiles: store,
    audit: auditLog,
  });
  registerExportRoutes(app, {
    reports,
    store,
    catalogue: awards.catalogue,
    options: config.export,
    pool: exportPool,
    issuedFiles: store,
    audit: auditLog,
    metrics,
  });
  registerCollab(app, {
    onServerClose: metrics.countClose,
    authenticate: sessions.authenticate,
    findReport: (id) => reports.find(id),
    isFrozen: (report) => freezes.isFrozen(report),
    registry,
    limits: {
      maxMessageBytes: config.collab.maxMessageBytes,
      maxPendingBytes: config.collab.maxPendingBytes,
      maxBufferedBytes: config.collab.maxBufferedBytes,
    },
  });
  const stopHeartbeat = startHeartbeat(app.websocketServer, config.collab.heartbeatMs);
  const stopSessionWatch = startSessionWatch(registry, sessions, config.collab.sessionCheckMs, (error) =>
    app.log.error({ err: error }, 'checking the sessions of open sockets failed'),
  );
  const stopEditTally = editTally.start();
  await registerClient(app, config.clientDir);

  app.addHook('onClose', async () => {
    stopSessionSweep();
    stopHeartbeat();
    stopSessionWatch();
    stopEditTally();
    await registry.closeAll();
    // A bus given by the caller is theirs to close.
    if (options.bus === undefined) await bus?.close();
    await throttleRedis?.quit().catch(() => throttleRedis.disconnect());
    // After the rooms' last edits, before the store closes.
    await editTally.flushAll().catch((error: unknown) => app.log.error({ err: error }, 'the edit counts of this hour are lost'));
    await exportPool.close();
    await store.close();
    releaseDataDir();
  });
  return app;
}

/**
 * The store: the caller's (theirs to keep), PostgreSQL when `DATABASE_URL` is set (shared by every
 * instance), or the SQLite file in the data directory, which is this process's alone (dataDirLock.ts).
 */
async function openStore(config: AppConfig, given: Store | undefined, logger: FastifyBaseLogger): Promise<{ store: Store; release: () => void }> {
  if (given) return { store: given, release: () => {} };
  if (config.scale.databaseUrl) {
    const store = await openPostgresStore(config.scale.databaseUrl).catch((error: unknown) => {
      throw new Error(`DATABASE_URL: ${error instanceof Error ? error.message : String(error)}`);
    });
    return { store, release: () => {} };
  }
  const release = lockDataDir(config.dataDir);
  try {
    // The lock makes this process the file's one writer: its appends may go through the journal.
    const store = openDataDirStore(config.dataDir, (reason) =>
      logger.warn(`the append journal is off, each update is committed to SQLite (slower, as durable): ${reason.message}`),
    );
    return { store, release };
  } catch (error) {
    release();
    throw error;
  }
}

/** Believes `X-Forwarded-For` across the first `hops` proxies (Fastify's own form of `trustProxy: n`). */
function trustHops(hops: number): (address: string, hop: number) => boolean {
  return (_address, hop) => hop < hops;
}

/** A command connection for the shared login throttle; it never blocks start-up (sign-in answers 503 while Redis is away). */
function openThrottleConnection(url: string): Redis {
  const redis = new Redis(url, { connectionName: 'dong-soan-throttle', maxRetriesPerRequest: 1, retryStrategy: (attempt) => Math.min(attempt * 100, 2_000) });
  redis.on('error', () => {});
  return redis;
}

/** The bus to other instances when `REDIS_URL` is set (redisBus.ts), none otherwise. */
async function openBus(config: AppConfig, logger: FastifyBaseLogger): Promise<RoomBus | null> {
  const { redisUrl, redisPrefix } = config.scale;
  if (!redisUrl) return null;
  return openRedisBus({ url: redisUrl, prefix: redisPrefix, logger }).catch((error: unknown) => {
    throw new Error(`REDIS_URL: ${error instanceof Error ? error.message : String(error)}`);
  });
}

/** Serves the built client, with `index.html` for every page path (the client routes itself). */
async function registerClient(app: FastifyInstance, clientDir: string): Promise<void> {
  const hasClient = existsSync(join(clientDir, 'index.html'));
  if (hasClient) {
    // wildcard: files are looked up per request, so a rebuild is served without a restart.
    await app.register(fastifyStatic, { root: clientDir, wildcard: true });
  } else {
    app.log.warn(`no built client in ${clientDir}: run "npm run build"`);
  }
  // An API address that names no route is a 404 in the API's shape, also when the router falls back from a
  // route to a wildcard (an id longer than its maxParamLength): never the static files' wildcard, to which
  // such an address is an over-long file name (403).
  app.all('/api/*', notFoundReply);
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const isPage =
      request.method === 'GET' &&
      !path.startsWith('/api/') &&
      !path.startsWith('/collab/') &&
      // A missing asset (`/assets/x.js`) is a 404, not the page.
      !/\.[A-Za-z0-9]+$/.test(path);
    if (isPage && hasClient) return reply.type('text/html').sendFile('index.html');
    return notFoundReply(request, reply);
  });
}
