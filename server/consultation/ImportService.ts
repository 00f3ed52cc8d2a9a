/**
 * Importing a 征求意见汇总处理表 (.xlsx) into a round, all or nothing: every row is checked (the
 * spreadsheet's own rules, then the round's: is the unit on the list?) and if any row is bad, the
 * problems are returned row by row and nothing is stored.
 */
import type { ImportRowProblem } from '@shared/api/consultation.js';
import type { ConsultationItem, Recipient } from '@shared/domain/consultation.js';
import { parseConsultationXlsx } from '../import/consultationXlsx.js';
import type { ImportedRow } from '../import/consultationXlsx.js';
import { Conflict } from '../domain/errors.js';
import type { AuditLog } from '../services/AuditLog.js';
import type { DomainEventBus } from '../events.js';
import type { RoundGrant } from '../access/consultationAccess.js';
import { resolveLabel } from './clauseRef.js';
import { chinaToday } from '../lib/chinaDates.js';
import type { DraftIndex } from './draftIndex.js';
import type { DraftTexts } from './DraftTexts.js';
import type { ItemService, NewItem } from './ItemService.js';
import type { RoundService } from './RoundService.js';

export type ImportOutcome =
  | { ok: true; items: ConsultationItem[]; createdRecipients: string[] }
  | { ok: false; problems: ImportRowProblem[] };

export class ImportService {
  constructor(
    private readonly texts: DraftTexts,
    private readonly rounds: RoundService,
    private readonly items: ItemService,
    private readonly audit: AuditLog,
    private readonly events: DomainEventBus,
  ) {}

  private toItem(grant: RoundGrant, row: ImportedRow, recipient: Recipient, index: DraftIndex, now: string): NewItem {
    const detailId =
      row.details?.clauseId && index.labelOf(row.details.clauseId) !== null ? row.details.clauseId : null;
    const clause = detailId
      ? { clauseId: detailId, clauseLabel: row.clauseLabel, impliedElement: index.elementOf(detailId) }
      : resolveLabel(index, row.clauseLabel);
    return {
      roundId: grant.round.id,
      clauseId: clause.clauseId,
      clauseLabel: clause.clauseLabel,
      element: row.details?.element ?? clause.impliedElement ?? 'other',
      commentType: row.details?.commentType ?? 'general',
      comment: row.comment,
      proposedChange: row.proposedChange,
      recipientId: recipient.id,
      submitterName: row.details?.submitterName ?? '',
      receivedDate: row.details?.receivedDate || chinaToday(),
      source: 'import',
      supporters: [],
      assigneeId: null,
      decision: row.decision,
      reason: row.reason,
      implementedIn: null,
      createdBy: grant.user.id,
      createdAt: now,
      updatedAt: now,
    };
  }

  async importXlsx(grant: RoundGrant, data: Uint8Array, createRecipients: boolean): Promise<ImportOutcome> {
    if (grant.round.closedAt) throw new Conflict('the round is closed');
    const parsed = await parseConsultationXlsx(data);
    const problems = [...parsed.problems];
    const known = new Map(grant.round.recipients.map((r) => [r.unitName, r]));
    const missing = new Set<string>();
    for (const row of parsed.rows) {
      if (known.has(row.unitName)) continue;
      if (createRecipients) missing.add(row.unitName);
      else
        problems.push({
          row: row.row,
          column: '提出单位',
          message: `${row.unitName} is not on the list of units this draft was sent to (add it first, or import with createRecipients=1)`,
        });
    }
    if (problems.length > 0) return { ok: false, problems: problems.sort((a, b) => a.row - b.row) };

    const frozen = await this.texts.frozen(grant.round.snapshotId);
    const round = grant.round;
    const added = [...missing].map((unitName) =>
      this.rounds.newRecipient(round.projectId, { unitName, contact: '', organizationId: null }),
    );
    for (const r of added) known.set(r.unitName, r);
    const now = new Date().toISOString();
    const newItems = parsed.rows.map((row) => {
      const recipient = known.get(row.unitName);
      if (!recipient) throw new Error(`recipient ${row.unitName} vanished`);
      return this.toItem(grant, row, recipient, frozen.index, now);
    });
    // The new units and the items are stored in one write: a failure leaves nothing half-imported.
    const stored = await this.items.insertAll(grant, newItems, added);
    await this.audit.record(round.projectId, grant.user.id, 'consultation.imported', {
      roundId: round.id,
      items: stored.length,
      recipientsAdded: missing.size,
    });
    this.events.emit('consultation-changed', { projectId: round.projectId, roundId: round.id });
    return { ok: true, items: stored, createdRecipients: [...missing] };
  }
}
