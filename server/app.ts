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
import { createApi } from './api/createApi.js';
import type { ApiEnv, AppServices } from './api/context.js';
import { seedDemo } from './seed/seedDemo.js';
import { CheckerExtension } from './extensions/CheckerExtension.js';
import { CheckerPool } from './checker/CheckerPool.js';
import type { CheckerOptions } from './checker/CheckerPool.js';
import { ProjectEventHub } from './realtime/ProjectEventHub.js';
import { endStreamsOnAccessLoss } from './realtime/streamAccess.js';
import { FileSnapshotStore } from './storage/files/FileSnapshotStore.js';
import { VersionService } from './versions/VersionService.js';
import { backfillRoundVersions } from './versions/backfillRoundVersions.js';
import { createConsultation } from './consultation/index.js';
import { createComments } from './wiring/comments.js';
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
  loginLimit?: { points: number; durationSeconds: number };
  /** Further collaboration extensions, run after the built-in ones of the same priority. */
  extensions?: Extension[];
  /** The drafting checker's worker pool (default: worker threads; 'inline' is a benchmark baseline). */
  checker?: CheckerOptions;
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
  close(): Promise<void>;
}

const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

async function readVersion(): Promise<string> {
  const pkg = JSON.parse(await readFile(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version?: string };
  return pkg.version ?? '0.0.0';
}

function createWebApp(services: AppServices, clientDir: string): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();
  app.route('/api', createApi(services));
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
  const metadata = await LowdbMetadataStore.open(join(options.dataDir, 'metadata.json'));
  const documents = new FileDocumentStore(join(options.dataDir, 'documents'));
  const events = new DomainEventBus();
  const audit = new AuditLog(metadata);
  const sessions = new SessionService(metadata);
  let collab: CollabServer | null = null;
  const snapshots = new FileSnapshotStore(join(options.dataDir, 'snapshots'));
  const hub = new ProjectEventHub();
  const accounts = new AccountService(metadata, sessions, events, hub, log);
  const checker = new CheckerPool(log, options.checker);
  const versions = new VersionService(metadata, snapshots, () => services.collab(), hub, audit);
  await backfillRoundVersions(metadata, snapshots);
  const services: AppServices = {
    log,
    metadata,
    documents,
    sessions,
    events,
    hub,
    audit,
    access: new AccessService(metadata),
    accounts,
    organizations: new OrganizationService(metadata, events, hub, log),
    projects: new ProjectService(metadata, documents, audit, events, hub),
    documentService: new DocumentService(metadata, () => services.collab(), checker),
    membership: new MembershipService(metadata, audit, events, hub, accounts),
    snapshots,
    versions,
    consultation: createConsultation({
      metadata,
      snapshots,
      versions,
      collab: () => services.collab(),
      audit,
      accounts,
      events,
      hub,
      log,
    }),
    comments: createComments({ metadata, collab: () => services.collab(), audit, events, hub, log }),
    collab: () => {
      if (!collab) throw new Error('collaboration server not started');
      return collab;
    },
    startedAt: Date.now(),
    version: await readVersion(),
    loginLimit: options.loginLimit ?? { points: 10, durationSeconds: 300 },
  };

  const extensions: Extension[] = [
    new AuthenticationExtension(metadata, sessions, events),
    new PersistenceExtension(documents),
    new CheckerExtension(metadata, log, checker),
    services.comments.stats,
    ...(options.extensions ?? []),
  ];
  collab = await CollabServer.create({
    extensions,
    log,
    store: options.store,
    maxPayloadBytes: options.maxPayloadBytes,
    pingIntervalMs: options.pingIntervalMs,
  });

  // Drafting-group changes show up live in every open page of the project.
  events.on('access-changed', ({ projectId }) => {
    if (projectId) services.hub.publish(projectId, { type: 'members-changed' });
  });
  endStreamsOnAccessLoss(hub, events, sessions, metadata);

  const seeded = options.seedDemo && metadata.isEmpty() ? await seedDemo(services) : [];

  const clientDir = options.clientDir ?? join(PROJECT_ROOT, 'dist', 'client');
  const app = createWebApp(services, clientDir);
  const server: Server = createServer(getRequestListener(app.fetch));
  const collabServer = collab;
  server.on('upgrade', (request, socket, head) => {
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

  let closing: Promise<void> | null = null;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      server.close();
      await collabServer.destroy();
      await services.consultation.stats.idle();
      await metadata.close();
      server.closeAllConnections();
      log.info('server stopped; all documents stored');
    })();
    return closing;
  };
  return { url, port, services, collab: collabServer, checker, seeded, close };
}
