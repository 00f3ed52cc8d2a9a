/**
 * History entries as the API shows them: the person and organization by name, every node by its
 * current label (or the label it had when it was deleted), changes in document order, the
 * restores the entry's changes made and the consultation comments it implemented.
 */
import type {
  HistoryAuthor,
  HistoryConsultationNote,
  HistoryEntryView,
  HistoryPart,
  HistoryRestoreNote,
  HistoryStructureChange,
  HistoryTarget,
  HistoryTargetKind,
  HistoryTextChange,
} from '@shared/api/history.js';
import type { DocumentRestore } from '@shared/domain/versions.js';
import type { Numbering } from '@shared/editor/structure/numbering.js';
import { NODE } from '@shared/editor/structure/names.js';
import type { MetadataStore } from '../storage/types.js';
import type { HistoryRecord, StructureRecord, TargetRecord } from './historyRecords.js';
import type { ListedEntry } from './HistoryIndex.js';
import type { GraveRecord } from './transactionEffects.js';

/** The user id of changes the server makes itself (server/collab/hooks.ts SYSTEM_USER_ID). */
const SYSTEM_USER_ID = 'system';

const KIND_OF_NODE: Readonly<Record<string, HistoryTargetKind>> = {
  [NODE.chapter]: 'chapter',
  [NODE.clause]: 'clause',
  [NODE.annex]: 'annex',
  [NODE.termEntry]: 'term',
  [NODE.referenceEntry]: 'reference',
  [NODE.tableBlock]: 'table',
  [NODE.figureBlock]: 'figure',
};

/** What the document calls its unnumbered parts. */
export const PART_LABELS: Readonly<Record<HistoryPart, string>> = {
  cover: '封面',
  toc: '目次',
  foreword: '前言',
  bibliography: '参考文献',
  body: '正文',
};

/** Where unnumbered parts sort among the numbered nodes. */
const PART_ORDER: Readonly<Record<HistoryPart, number>> = {
  cover: -4,
  toc: -3,
  foreword: -2,
  body: -1,
  bibliography: Number.MAX_SAFE_INTEGER - 1,
};

function isPart(key: string): key is HistoryPart {
  return Object.hasOwn(PART_LABELS, key);
}

/** How long before its stored change a restore may be timed. */
const RESTORE_LEAD_MS = 5_000;

export class EntryViews {
  /** Document order of the numbered nodes now. */
  private readonly order = new Map<string, number>();

  constructor(
    private readonly metadata: MetadataStore,
    private readonly numbering: Numbering,
    private readonly grave: (id: string) => GraveRecord | undefined,
    private readonly restores: readonly DocumentRestore[],
    private readonly consultation: ReadonlyMap<string, HistoryConsultationNote[]>,
  ) {
    numbering.sequence.forEach((node, index) => {
      if (node.item?.id) this.order.set(node.item.id, index);
    });
  }

  view({ record, open }: ListedEntry): HistoryEntryView {
    const user = this.metadata.collection('users').get(record.userId);
    const organizationId = record.organizationId ?? user?.organizationId ?? '';
    const changes = record.targets.map((target) => this.textChange(target)).sort((a, b) => this.compare(a, b));
    const structure = record.structure
      .map((node) => this.structureChange(node))
      .filter((change): change is HistoryStructureChange => change !== null)
      .sort((a, b) => this.compare(a, b));
    return {
      id: record.id,
      userId: record.userId,
      userName: user?.name ?? '',
      system: record.userId === SYSTEM_USER_ID,
      creation: record.creation ?? false,
      organizationId,
      organizationName: this.metadata.collection('organizations').get(organizationId)?.name ?? '',
      from: new Date(record.from).toISOString(),
      to: new Date(record.to).toISOString(),
      updates: record.updates,
      added: changes.reduce((sum, change) => sum + change.added, 0),
      removed: changes.reduce((sum, change) => sum + change.removed, 0),
      changes,
      structure,
      restores: this.restoresOf(record),
      consultation: this.consultation.get(record.id) ?? [],
      open,
    };
  }

  /** Everyone in `entries`, by name. */
  authors(entries: readonly ListedEntry[]): HistoryAuthor[] {
    const seen = new Map<string, HistoryAuthor>();
    for (const { record } of entries) {
      if (seen.has(record.userId) || record.userId === SYSTEM_USER_ID) continue;
      const user = this.metadata.collection('users').get(record.userId);
      const organizationId = record.organizationId ?? user?.organizationId ?? '';
      seen.set(record.userId, {
        userId: record.userId,
        name: user?.name ?? record.userId,
        organizationId,
        organizationName: this.metadata.collection('organizations').get(organizationId)?.name ?? '',
      });
    }
    return [...seen.values()].sort((a, b) => a.organizationName.localeCompare(b.organizationName, 'zh-CN'));
  }

  /** A node by its current label, or as it was when deleted. */
  target(key: string, nodeType: string, recordedLabel?: string): HistoryTarget {
    if (isPart(key)) return { targetId: key, kind: key, label: PART_LABELS[key], title: '', deleted: false };
    const now = this.numbering.byId[key];
    if (now) return { targetId: key, kind: now.kind, label: now.label, title: now.title, deleted: false };
    const grave = this.grave(key);
    return {
      targetId: key,
      kind: KIND_OF_NODE[nodeType] ?? 'clause',
      label: recordedLabel || grave?.label || '',
      title: grave?.title ?? '',
      deleted: true,
    };
  }

  private textChange(record: TargetRecord): HistoryTextChange {
    return {
      ...this.target(record.key, record.nodeType),
      added: record.added,
      removed: record.removed,
      formatted: record.formatted ?? false,
      attributes: record.attributes ?? [],
    };
  }

  /** A move back to where the node is now is no move. */
  private structureChange(record: StructureRecord): HistoryStructureChange | null {
    const target = this.target(record.key, record.nodeType, record.change === 'deleted' ? record.label : undefined);
    if (record.change === 'moved') {
      if (record.label !== undefined && record.label === target.label && !target.deleted) return null;
      return { ...target, change: 'moved', ...(record.label ? { fromLabel: record.label } : {}) };
    }
    return { ...target, change: record.change, ...(record.rows !== undefined ? { rows: record.rows } : {}) };
  }

  private rank(target: HistoryTarget): number {
    if (isPart(target.targetId)) return PART_ORDER[target.targetId];
    return this.order.get(target.targetId) ?? Number.MAX_SAFE_INTEGER;
  }

  private compare(a: HistoryTarget, b: HistoryTarget): number {
    return this.rank(a) - this.rank(b) || a.label.localeCompare(b.label);
  }

  /**
   * The restores whose change is in the entry. A restore is timed as its change is made and its
   * stored update a moment later (after the transaction's observers), so the restore may precede the
   * entry's first change by that moment (allowed up to RESTORE_LEAD_MS); entries of one person never
   * overlap, so a restore lands on exactly one entry.
   */
  private restoresOf(record: HistoryRecord): HistoryRestoreNote[] {
    return this.restores
      .filter((restore) => {
        const at = Date.parse(restore.at);
        return restore.userId === record.userId && at >= record.from - RESTORE_LEAD_MS && at <= record.to;
      })
      .sort((a, b) => a.at.localeCompare(b.at))
      .map((restore) => ({
        versionId: restore.versionId,
        versionName: restore.versionName,
        clauseLabel: restore.clauseLabel,
      }));
  }
}
