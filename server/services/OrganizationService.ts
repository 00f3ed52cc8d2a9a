/**
 * Organizations (单位): administrators create and change them; every signed-in user sees their names
 * and kinds (to invite and to pick bureaus). A changed kind re-authorizes its staff; a changed name
 * shows up live in the projects it takes part in.
 */
import type { OrganizationSummary } from '@shared/api/types.js';
import type { Organization } from '@shared/domain/organization.js';
import type { OrganizationBody } from '@shared/validation/requests.js';
import { seesCreditCodes } from '../access/projectAccess.js';
import { newId } from '../auth/tokens.js';
import { Conflict, NotFound } from '../domain/errors.js';
import type { DomainEventBus } from '../events.js';
import type { Logger } from '../logger.js';
import type { ProjectEventHub } from '../realtime/ProjectEventHub.js';
import type { MetadataStore, UserRecord } from '../storage/types.js';
import { projectsInvolving } from './organizationProjects.js';

/** What a signed-in user who may not see credit codes sees of an organization. */
function summary({ id, name, kind, bureauLevel }: Organization): OrganizationSummary {
  return { id, name, kind, ...(bureauLevel ? { bureauLevel } : {}) };
}

export class OrganizationService {
  constructor(
    private readonly store: MetadataStore,
    private readonly events: DomainEventBus,
    private readonly hub: ProjectEventHub,
    private readonly log: Logger,
  ) {}

  /** Every organization by name; credit codes only for those who may see them. */
  list(user: UserRecord): Organization[] | OrganizationSummary[] {
    const sorted = this.store
      .collection('organizations')
      .findMany()
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
    return seesCreditCodes(user) ? sorted : sorted.map(summary);
  }

  private assertUniqueCode(creditCode: string, exceptId?: string): void {
    const other = this.store.collection('organizations').findOne({ creditCode });
    if (other && other.id !== exceptId)
      throw new Conflict('an organization with this unified social credit code already exists');
  }

  /** `admin` null: made by `npm run create-admin` for the first administrator, before any account exists. */
  async create(admin: UserRecord | null, body: OrganizationBody): Promise<Organization> {
    this.assertUniqueCode(body.creditCode);
    const organization: Organization = { id: newId('org'), ...body, createdAt: new Date().toISOString() };
    await this.store.collection('organizations').insert(organization);
    this.log.info({ adminId: admin?.id ?? null, organizationId: organization.id }, 'organization created');
    return organization;
  }

  /** The organization an administrator is about to change (looked up before the request body is read). */
  find(organizationId: string): Organization {
    const organization = this.store.collection('organizations').get(organizationId);
    if (!organization) throw new NotFound('organization not found');
    return organization;
  }

  async update(admin: UserRecord, existing: Organization, body: OrganizationBody): Promise<Organization> {
    this.assertUniqueCode(body.creditCode, existing.id);
    const { bureauLevel, ...rest } = body;
    const updated = await this.store.collection('organizations').update(existing.id, { ...rest, bureauLevel });
    if (!updated) throw new NotFound('organization not found');
    this.log.info({ adminId: admin.id, organizationId: existing.id }, 'organization updated');
    // A new kind (e.g. now a market supervision bureau) changes what its staff may do.
    if (updated.kind !== existing.kind) {
      for (const user of this.store.collection('users').findMany({ organizationId: existing.id })) {
        this.events.emit('access-changed', { userId: user.id, projectId: null });
      }
    }
    // The organization's name is printed in the drafting credits and project lists of every project it is in.
    for (const project of projectsInvolving(this.store, existing.id)) {
      this.hub.publish(project.id, { type: 'members-changed' });
      this.hub.publish(project.id, { type: 'project-changed' });
    }
    return updated;
  }
}
