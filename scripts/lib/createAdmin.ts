/**
 * Creates an administrator account in the store the server uses (`npm run create-admin`): the first
 * one of a deployment without the demo, or another one later. The account is made by the server's
 * own services (AccountService, OrganizationService) with the API's validation.
 *
 * - Embedded store (`STORAGE=files`): holds the data dir's lock while it writes, so it refuses while
 *   a server runs on the data dir (stop it, run the command, start it).
 * - PostgreSQL: writes beside the running instances; with `REDIS_URL` it announces the records it
 *   wrote as an instance does (MetadataSync), so every instance knows the account at once.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { PublicUser } from '@shared/domain/user.js';
import type { Organization } from '@shared/domain/organization.js';
import { createUserBody, organizationBody } from '@shared/validation/requests.js';
import type { ServerConfig } from '../../server/config.js';
import { SessionService } from '../../server/auth/SessionService.js';
import { DomainEventBus } from '../../server/events.js';
import { createLogger } from '../../server/logger.js';
import type { Logger } from '../../server/logger.js';
import { ProjectEventHub } from '../../server/realtime/ProjectEventHub.js';
import { announceCommitted } from '../../server/redis/MetadataSync.js';
import { RedisBus } from '../../server/redis/RedisBus.js';
import { AccountService } from '../../server/services/AccountService.js';
import { OrganizationService } from '../../server/services/OrganizationService.js';
import { LowdbMetadataStore } from '../../server/storage/lowdb/LowdbMetadataStore.js';
import { openPostgresStorage } from '../../server/storage/postgres/openPostgresStorage.js';
import type { MetadataStore } from '../../server/storage/types.js';
import { lockDataDir } from './dataDirLock.js';

/** Refused before anything was written (exit code 2): usage, a taken email, a running server… */
export class CreateAdminRefused extends Error {
  override readonly name = 'CreateAdminRefused';
}

export interface NewAdmin {
  email: string;
  name: string;
  phone?: string;
  password: string;
  /** An existing organization's id or exact name, or the name of a new one (with `newOrganization`). */
  organization?: string;
  /** For a new organization: its credit code, kind and (for a bureau) level, as the API takes them. */
  newOrganization?: { creditCode?: string; kind?: string; bureauLevel?: string };
}

export interface CreatedAdmin {
  user: PublicUser;
  organization: Organization;
  organizationCreated: boolean;
  /** Where it was written, and whether running instances were told (through Redis). */
  storage: 'files' | 'postgres';
  announced: boolean;
}

type Settings = Pick<ServerConfig, 'dataDir' | 'databaseUrl' | 'redisUrl'>;

function issues(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  return error.issues.map((i) => `${i.path.map(String).join('.') || 'value'}: ${i.message}`).join('; ');
}

/** The organization the administrator belongs to: found, or validated to be created. */
function organizationOf(
  store: MetadataStore,
  admin: NewAdmin,
): { existing: Organization } | { create: ReturnType<typeof organizationBody.parse> } {
  const organizations = store.collection('organizations').findMany();
  const wanted = admin.organization?.trim();
  if (!wanted) {
    if (organizations.length === 1) return { existing: organizations[0]! };
    throw new CreateAdminRefused(
      organizations.length === 0
        ? 'there is no organization yet: name the administrator’s organization with --organization <name> --credit-code <统一社会信用代码> --kind <kind>'
        : 'name the administrator’s organization with --organization <id or name>',
    );
  }
  const byId = store.collection('organizations').get(wanted);
  if (byId) return { existing: byId };
  const named = organizations.filter((o) => o.name === wanted);
  if (named.length === 1) return { existing: named[0]! };
  if (named.length > 1)
    throw new CreateAdminRefused(
      `several organizations are named ${wanted}: give its id (${named.map((o) => o.id).join(', ')})`,
    );
  const body = organizationBody.safeParse({ name: wanted, ...admin.newOrganization });
  if (!body.success)
    throw new CreateAdminRefused(
      `no organization is named ${wanted}; to create it give --credit-code and --kind (${issues(body.error)})`,
    );
  return { create: body.data };
}

async function createIn(
  store: MetadataStore,
  admin: NewAdmin,
  log: Logger,
): Promise<Omit<CreatedAdmin, 'storage' | 'announced'>> {
  // Everything is checked before the first write: a refusal leaves the store as it was.
  const account = createUserBody
    .omit({ organizationId: true })
    .safeParse({ email: admin.email, name: admin.name, phone: admin.phone, password: admin.password, isAdmin: true });
  if (!account.success) throw new CreateAdminRefused(issues(account.error));
  if (store.collection('users').findOne({ email: account.data.email }))
    throw new CreateAdminRefused(`an account with the email ${account.data.email} already exists`);
  const found = organizationOf(store, admin);
  const events = new DomainEventBus();
  const hub = new ProjectEventHub();
  const organization =
    'existing' in found
      ? found.existing
      : await new OrganizationService(store, events, hub, log).create(null, found.create);
  const accounts = new AccountService(store, new SessionService(store), events, hub, log);
  const user = await accounts.create({ ...account.data, organizationId: organization.id });
  return { user, organization, organizationCreated: !('existing' in found) };
}

export async function createAdmin(settings: Settings, admin: NewAdmin): Promise<CreatedAdmin> {
  const log = createLogger('error');
  if (!settings.databaseUrl) {
    await mkdir(settings.dataDir, { recursive: true });
    let lock: Awaited<ReturnType<typeof lockDataDir>>;
    try {
      lock = await lockDataDir(settings.dataDir, 'npm run create-admin');
    } catch (error) {
      throw new CreateAdminRefused(error instanceof Error ? error.message : String(error));
    }
    try {
      const store = await LowdbMetadataStore.open(join(settings.dataDir, 'metadata.json'), { log });
      try {
        return { ...(await createIn(store, admin, log)), storage: 'files', announced: false };
      } finally {
        await store.close();
      }
    } finally {
      await lock.release();
    }
  }
  const storage = await openPostgresStorage(settings.databaseUrl, log);
  try {
    const bus = settings.redisUrl ? await RedisBus.connect(settings.redisUrl, log) : null;
    const stopAnnouncing = bus ? announceCommitted(storage.metadata, bus) : null;
    try {
      const created = await createIn(storage.metadata, admin, log);
      await storage.metadata.settled();
      return { ...created, storage: 'postgres', announced: bus !== null };
    } finally {
      stopAnnouncing?.();
      // Closing waits for the announcements queued on the connection.
      await bus?.close();
      await storage.metadata.close();
    }
  } finally {
    await storage.close();
  }
}
