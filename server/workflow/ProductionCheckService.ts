/**
 * 标准生产验证把关: staff of a supervising bureau record their checks of the lead unit's production
 * — date, site, products or batches, the indicators of the standard text's tables checked (kept with
 * the values the draft required that day), the result (通过 / 需整改) and remarks. All are kept;
 * the gate reads the latest.
 */
import type { ProductionCheckView } from '@shared/api/workflow.js';
import type { Organization } from '@shared/domain/organization.js';
import { indicatorValues, numberedTables } from '@shared/editor/structure/tableCells.js';
import type { CheckedIndicator, ProductionCheck } from '@shared/workflow/productionChecks.js';
import { newestFirst } from '@shared/workflow/productionChecks.js';
import { chinaDay } from '@shared/workflow/time.js';
import type { ProductionCheckBody } from '@shared/validation/workflow.js';
import type { ProjectGrant } from '../access/projectAccess.js';
import { productionCheckBureau } from '../access/workflowAccess.js';
import { newId } from '../auth/tokens.js';
import { Forbidden, Invalid } from '../domain/errors.js';
import type { ProjectEventHub } from '../realtime/ProjectEventHub.js';
import type { AuditLog } from '../services/AuditLog.js';
import type { DocumentService } from '../services/DocumentService.js';
import type { MetadataStore } from '../storage/types.js';
import { productionCheckView } from './views.js';

export class ProductionCheckService {
  constructor(
    private readonly store: MetadataStore,
    private readonly documentService: DocumentService,
    private readonly audit: AuditLog,
    private readonly hub: ProjectEventHub,
  ) {}

  list(projectId: string): ProductionCheckView[] {
    return newestFirst(this.store.collection('productionChecks').findMany({ projectId })).map((c) =>
      productionCheckView(this.store, c),
    );
  }

  /** The indicators named by cell id, with their place and current value in the standard text. */
  private async indicators(grant: ProjectGrant, cellIds: readonly string[]): Promise<CheckedIndicator[]> {
    if (cellIds.length === 0) return [];
    const standard = grant.project.documents.find((d) => d.kind === 'standard');
    if (!standard) throw new Invalid('the project has no standard text');
    const { content, numbering } = await this.documentService.content({ ...grant, documentId: standard.id });
    const values = indicatorValues(numberedTables(content, numbering));
    return [...new Set(cellIds)].map((cellId, index) => {
      const value = values[cellId];
      if (!value)
        throw new Invalid('an indicator is not a value of the standard text’s tables', [
          { path: `indicators.${index}`, message: 'not a table cell of the standard text' },
        ]);
      return { cellId, place: value.place, value: value.text };
    });
  }

  /** The bureau the caller records for; Forbidden unless they are staff of a supervising bureau. */
  assertMayRecord({ project, user }: ProjectGrant): Organization {
    const bureau = productionCheckBureau(this.store, user, project);
    if (!bureau) throw new Forbidden('only staff of a supervising bureau record production-verification checks');
    return bureau;
  }

  async record(grant: ProjectGrant, body: ProductionCheckBody): Promise<ProductionCheckView> {
    const { project, user } = grant;
    const bureau = this.assertMayRecord(grant);
    if (body.date > chinaDay(new Date().toISOString()))
      throw new Invalid('a check is recorded after the visit', [
        { path: 'date', message: 'the date is in the future' },
      ]);
    const check: ProductionCheck = {
      id: newId('pck'),
      projectId: project.id,
      bureauId: bureau.id,
      date: body.date,
      site: body.site,
      products: body.products,
      indicators: await this.indicators(grant, body.indicators),
      result: body.result,
      remarks: body.remarks,
      recordedBy: user.id,
      recordedAt: new Date().toISOString(),
    };
    await this.store.collection('productionChecks').insert(check);
    await this.audit.record(project.id, user.id, 'production-check.recorded', {
      checkId: check.id,
      date: check.date,
      result: check.result,
    });
    this.hub.publish(project.id, { type: 'workflow-changed' });
    this.hub.publish(project.id, { type: 'gates-changed' });
    return productionCheckView(this.store, check);
  }
}
