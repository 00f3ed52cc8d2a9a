/**
 * Composition root: one HTTP server on one port serves the built client, the REST API under /api
 * and the collaboration websocket under /collab.
 */
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import { getRequestListener } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { createLogger } from './logger.js';
import { LowdbMetadataStore } from './storage/lowdb/LowdbMetadataStore.js';
import { FileDocumentStore } from './storage/files/FileDocumentStore.js';
import { SessionService } from './auth/SessionService.js';
import { DomainEventBus } from './events.js';
import { AccessService } from './access/AccessService.js';
import { AccountService } from './services/AccountService.js';
import { AuditLog } from './services/AuditLog.js';
import { DocumentService } from './services/DocumentService.js';
import { OrganizationService } from './services/OrganizationService.js';
import { ProjectService } from './services/ProjectService.js';
import { MembershipService } from './services/MembershipService.js';
import { CollabServer } from './collab/CollabServer.js';
import type { StorePolicy } from './collab/CollabDocument.js';
import type { Extension } from './collab/hooks.js';
import { AuthenticationExtension } from './extensions/AuthenticationExtension.js';
import { PersistenceExtension } from './extensions/PersistenceExtension.js';
import { apiNotFound, createApi } from './api/createApi.js';
import { OriginPolicy, parseOrigins } from './security/origins.js';
import { refuseCrossSiteUpgrade } from './security/crossSite.js';
import { securityHeaders } from './security/securityHeaders.js';
import { TrustedProxies } from './security/trustedProxies.js';
import type { ApiEnv, AppServices } from './api/context.js';
import { seedDemo } from './seed/seedDemo.js';
import { CheckerExtension } from './extensions/CheckerExtension.js';
import { CheckerPool } from './checker/CheckerPool.js';
import type { CheckerOptions } from './checker/CheckerPool.js';
import { ProjectEventHub } from './realtime/ProjectEventHub.js';
import { endStreamsOnAccessLoss } from './realtime/streamAccess.js';
import { FileSnapshotStore } from './storage/files/FileSnapshotStore.js';
import { FileBlobStore } from './storage/files/FileBlobStore.js';
import { ProcessLocks } from './storage/files/ProcessLocks.js';
import { openPostgresStorage } from './storage/postgres/openPostgresStorage.js';
import { joinInstances } from './redis/joinInstances.js';
import { inMemoryLimiters } from './api/attemptLimit.js';
import type { WriteGuard } from './storage/files/writeGuard.js';
import { WriteBarrier } from './lib/WriteBarrier.js';
import { ControlSocket } from './backup/controlSocket.js';
import { VersionService } from './versions/VersionService.js';
import { VersionDiffService } from './versions/diff/VersionDiffService.js';
import { RestoreService } from './versions/restore/RestoreService.js';
import { DiffDocxRenderer } from './export/diffDocx/DiffDocxRenderer.js';
import { DocumentExportService } from './export/documents/DocumentExportService.js';
import { DocumentRenderer } from './export/documents/DocumentRenderer.js';
import { PdfConverter } from './export/pdf/PdfConverter.js';
import type { PdfConverterOptions } from './export/pdf/PdfConverter.js';
import { DocumentPdfExport } from './export/pdf/DocumentPdfExport.js';
import { createSubmissionPackage } from './export/package/index.js';
import type { PackageJobOptions } from './export/package/PackageJobs.js';
import { backfillRoundVersions } from './versions/backfillRoundVersions.js';
import { createConsultation } from './consultation/index.js';
import { changeRefOf } from '@shared/consultation/changeRef.js';
import { createWorkflow } from './workflow/index.js';
import { WorkflowExtension } from './extensions/WorkflowExtension.js';
import { createComments } from './wiring/comments.js';
import { createHistory } from './wiring/history.js';
import type { DemoAccount } from './seed/seedDemo.js';

export interface StartOptions {
  port: number;
  host: string;
  dataDir: string;
  seedDemo: boolean;
  logLevel?: string;
  /** Where the built client is; defaults to dist/client of the project. */
  clientDir?: string;
  store?: Partial<StorePolicy>;
  maxPayloadBytes?: number;
  pingIntervalMs?: number;
  /** Bytes queued for one collaboration client beyond which it is dropped as too slow. */
  maxBufferedBytes?: number;
  loginLimit?: { points: number; durationSeconds: number };
  /** Failed attempts with invitation-link tokens per address and period (default 10 per 5 minutes). */
  tokenLimit?: { points: number; durationSeconds: number };
  /**
   * The app's own origins (`PUBLIC_ORIGIN`), e.g. `https://bz.example.gov.cn`; browser requests and
   * websocket handshakes from other origins are refused. Default: the host each request was sent to.
   */
  publicOrigins?: string[];
  /** `TRUST_PROXY`: proxies (IPs, CIDR ranges) whose `X-Forwarded-For`/`-Proto` are believed (server/security/trustedProxies.ts). */
  trustProxy?: string[];
  /** Further collaboration extensions, run after the built-in ones of the same priority. */
  extensions?: Extension[];
  /** The drafting checker's worker pool (default: worker threads; 'inline' is a benchmark baseline). */
  checker?: CheckerOptions;
  /** LibreOffice for PDFs: command (default `soffice`), timeout, conversions at once. */
  pdf?: PdfConverterOptions;
  /** Submission package jobs: how long a finished one is kept, how many run per user. */
  packageJobs?: PackageJobOptions;
  /** Called before every write to the data dir; tests pass one that throws to simulate a failing disk. */
  writeGuard?: WriteGuard;
  /** `DATABASE_URL` with `STORAGE=postgres`: metadata, documents and snapshots in PostgreSQL (migrated at start). */
  databaseUrl?: string;
  /** `REDIS_URL` (needs `databaseUrl`): joins the instances sharing that database (docs/architecture.md). */
  redisUrl?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  services: AppServices;
  collab: CollabServer;
  /** The drafting checker's worker pool (tests observe its checks in flight). */
  checker: CheckerPool;
  /** The demo accounts created by this start (empty unless the data dir was empty and seeding was on). */
  seeded: DemoAccount[];
  /** Every write to the data dir passes it; the backup pauses it through the control socket. */
  writes: WriteBarrier;
  close(): Promise<void>;
}

const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

async function readVersion(): Promise<string> {
  const pkg = JSON.parse(await readFile(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version?: string };
  return pkg.version ?? '0.0.0';
}

function createWebApp(services: AppServices, clientDir: string): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();
  app.use('*', securityHeaders(services.origins));
  app.route('/api', createApi(services));
  // Any other /api path is the API's JSON 404, for every method — not the web app's page below.
  app.all('/api/*', apiNotFound);
  if (existsSync(clientDir)) {
    app.use('/*', serveStatic({ root: clientDir }));
    // Client-side routes (/projects/…, /documents/…) all load the single-page app (read per request:
    // it is small, and a rebuilt client is served without a restart).
    app.get('*', async (c) => c.html(await readFile(join(clientDir, 'index.html'), 'utf8')));
  } else {
    app.get('*', (c) => c.text('The client is not built: run `npm run build` (npm start does it for you).', 503));
  }
  return app;
}

export async function startServer(options: StartOptions): Promise<RunningServer> {
  const log = createLogger(options.logLevel);
  await mkdir(join(options.dataDir, 'documents'), { recursive: true });
  const writes = new WriteBarrier();
  const storage = { guard: options.writeGuard, barrier: writes, log };
  let collab: CollabServer | null = null;
  // Taken first: it is also the lock that keeps a second server off this data dir.
  const control = await ControlSocket.listen(
    options.dataDir,
    {
      pause: async () => {
        await collab?.storeAll();
        await writes.pause();
      },
      resume: () => writes.resume(),
    },
    log,
  );
  // STORAGE=postgres: metadata, documents and snapshots in PostgreSQL; otherwise lowdb and files in the data dir.
  const database = options.databaseUrl ? await openPostgresStorage(options.databaseUrl, log) : null;
  const metadata =
    database?.metadata ?? (await LowdbMetadataStore.open(join(options.dataDir, 'metadata.json'), storage));
  const documents = database?.documents ?? new FileDocumentStore(join(options.dataDir, 'documents'), storage);
  if (options.redisUrl && !database) throw new Error('redisUrl joins instances that share PostgreSQL: set databaseUrl');
  const joined = options.redisUrl && database ? await joinInstances(options.redisUrl, database, log) : null;
  const events = new DomainEventBus();
  const audit = new AuditLog(metadata);
  const sessions = new SessionService(metadata);
  await joined?.relayAccess(events, sessions);
  const snapshots = database?.snapshots ?? new FileSnapshotStore(join(options.dataDir, 'snapshots'), storage);
  // Submission packages and package jobs' zips, and the locks around their builds.
  const blobs = database?.blobs ?? new FileBlobStore(options.dataDir, storage);
  const locks = database?.locks ?? new ProcessLocks();
  const hub = joined?.hub ?? new ProjectEventHub();
  const accounts = new AccountService(metadata, sessions, events, hub, log);
  const checker = new CheckerPool(log, options.checker);
  const versions = new VersionService(metadata, snapshots, () => services.collab(), hub, audit);
  const pdf = new PdfConverter(log, options.pdf);
  const documentService = new DocumentService(metadata, () => services.collab(), checker);
  const access = new AccessService(metadata);
  const renderer = new DocumentRenderer(log);
  const documentExports = new DocumentExportService(metadata, versions, () => services.collab(), renderer);
  await backfillRoundVersions(metadata, snapshots);
  const history = createHistory({
    dataDir: options.dataDir,
    metadata,
    documents,
    collab: () => services.collab(),
    hub,
    log,
  });
  const workflow = createWorkflow({
    metadata,
    blobs,
    locks,
    collab: () => services.collab(),
    documentService,
    versions,
    packageBuilder: () => services.submissionPackage.builder,
    audit,
    events,
    hub,
    log,
    projects: () => services.projects,
    membership: () => services.membership,
  });
  const services: AppServices = {
    log,
    metadata,
    documents,
    sessions,
    events,
    hub,
    audit,
    access,
    accounts,
    organizations: new OrganizationService(metadata, events, hub, log),
    projects: new ProjectService(metadata, documents, audit, events, hub),
    documentService,
    membership: new MembershipService(metadata, audit, events, hub, accounts),
    snapshots,
    versions,
    versionDiffs: new VersionDiffService(metadata, versions, () => services.collab(), documents, log),
    diffDocx: new DiffDocxRenderer(log),
    restores: new RestoreService(metadata, versions, () => services.collab(), audit),
    documentExports,
    pdf,
    documentPdf: new DocumentPdfExport(documentExports, pdf),
    workflow,
    consultation: createConsultation({
      stages: workflow.stages,
      metadata,
      snapshots,
      versions,
      collab: () => services.collab(),
      audit,
      accounts,
      events,
      hub,
      log,
      changes: async (grant, entryId) => changeRefOf(grant.documentId, await history.service.entry(grant, entryId)),
    }),
    comments: createComments({ metadata, collab: () => services.collab(), audit, events, hub, log }),
    history: history.service,
    submissionPackage: createSubmissionPackage(
      {
        store: metadata,
        access,
        documentExports,
        documentService,
        versions,
        checker,
        collab: () => services.collab(),
        // The consultation module sits above the exports: reached through its service, once built.
        consultationTables: { file: (grant, format, sort) => services.consultation.exports.file(grant, format, sort) },
        pdf,
        log,
      },
      blobs,
      options.packageJobs,
    ),
    collab: () => {
      if (!collab) throw new Error('collaboration server not started');
      return collab;
    },
    startedAt: Date.now(),
    version: await readVersion(),
    loginLimit: options.loginLimit ?? { points: 10, durationSeconds: 300 },
    tokenLimit: options.tokenLimit ?? { points: 10, durationSeconds: 300 },
    attemptLimiters: joined?.attemptLimiters ?? inMemoryLimiters,
    origins: new OriginPolicy(parseOrigins(options.publicOrigins ?? [])),
    proxies: TrustedProxies.parse(options.trustProxy ?? []),
  };

  const extensions: Extension[] = [
    new AuthenticationExtension(metadata, sessions, events),
    new PersistenceExtension(documents),
    new CheckerExtension(metadata, log, checker),
    services.comments.stats,
    history.extension,
    new WorkflowExtension(metadata, workflow.facts, hub, log),
    ...(joined?.extensions ?? []),
    ...(options.extensions ?? []),
  ];
  collab = await CollabServer.create({
    extensions,
    log,
    store: options.store,
    maxPayloadBytes: options.maxPayloadBytes,
    pingIntervalMs: options.pingIntervalMs,
    maxBufferedBytes: options.maxBufferedBytes,
  });

  // Drafting-group changes show up live in every open page of the project.
  events.on('access-changed', ({ projectId, relayed }) => {
    // A change heard from another instance: that instance announced it to every instance's pages.
    if (projectId && !relayed) services.hub.publish(projectId, { type: 'members-changed' });
  });
  endStreamsOnAccessLoss(hub, events, sessions, metadata);

  const seeded = options.seedDemo && metadata.isEmpty() ? await seedDemo(services) : [];
  workflow.packages.resumeInterrupted();

  const clientDir = options.clientDir ?? join(PROJECT_ROOT, 'dist', 'client');
  const app = createWebApp(services, clientDir);
  const server: Server = createServer(getRequestListener(app.fetch));
  const collabServer = collab;
  server.on('upgrade', (request, socket, head) => {
    if (refuseCrossSiteUpgrade(services.origins, request, socket, log, services.proxies.clientOf(request))) return;
    if (!collabServer.handleUpgrade(request, socket, head)) socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const url = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`;
  log.info({ url, dataDir: options.dataDir }, 'server listening');
  // No history request pays for building an index: those never saved are built now, in the background.
  void history.buildMissing();

  let closing: Promise<void> | null = null;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      server.close();
      await control.close();
      // Running conversions are killed (their parts fail), then the package jobs finish.
      await pdf.close();
      await services.submissionPackage.close();
      await workflow.packages.close();
      await renderer.close();
      await services.versionDiffs.close();
      await services.diffDocx.close();
      await collabServer.destroy();
      await services.consultation.stats.idle();
      await metadata.close();
      await joined?.close();
      await database?.close();
      server.closeAllConnections();
      log.info('server stopped; all documents stored');
    })();
    return closing;
  };
  return { url, port, services, collab: collabServer, checker, seeded, writes, close };
}
