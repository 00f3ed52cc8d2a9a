/** A history entry in words (through i18n): its structure changes, restores and time span. */
import type { TFunction } from 'i18next';
import type {
  HistoryConsultationNote,
  HistoryEntryView,
  HistoryRestoreNote,
  HistoryStructureChange,
  HistoryTarget,
  HistoryTargetKind,
} from '@shared/api/history';
import { formatDateTime } from '../../../lib/format';

/** Kinds whose label does not say what they are ("5.3"; "表1" and "附录A" do). */
const NAMED_KINDS = ['chapter', 'clause', 'term', 'reference'] as const;
type NamedKind = (typeof NAMED_KINDS)[number];

function isNamed(kind: HistoryTargetKind): kind is NamedKind {
  return (NAMED_KINDS as readonly string[]).includes(kind);
}

/** "5.2", "表1", "前言", or the title of a node deleted without a known label. */
export function targetLabel(t: TFunction, target: HistoryTarget): string {
  if (target.label) return target.label;
  return target.title ? `“${target.title}”` : t('history.deletedNode');
}

function kindName(t: TFunction, kind: HistoryTargetKind): string {
  return isNamed(kind) ? t(`history.kind.${kind}`) : '';
}

export function structureText(t: TFunction, change: HistoryStructureChange): string {
  const label = targetLabel(t, change) + (change.deleted && change.change !== 'deleted' ? t('history.deleted') : '');
  const kind = kindName(t, change.kind);
  switch (change.change) {
    case 'inserted':
      return t('history.structure.inserted', { kind, label });
    case 'deleted':
      return t('history.structure.deleted', { kind, label });
    case 'moved':
      return change.fromLabel
        ? t('history.structure.moved', { kind, label, from: change.fromLabel })
        : t('history.structure.movedHere', { kind, label });
    case 'rows-added':
      return t('history.structure.rowsAdded', { label, count: change.rows ?? 0 });
    case 'rows-removed':
      return t('history.structure.rowsRemoved', { label, count: change.rows ?? 0 });
  }
}

export function restoreText(t: TFunction, restore: HistoryRestoreNote): string {
  return t('history.restore', {
    label: restore.clauseLabel ?? t('history.wholeDocument'),
    version: restore.versionName,
  });
}

/** "落实征求意见第 1 轮第 3 条（5.2，采纳）": a comment whose handler picked this entry. */
export function consultationText(t: TFunction, note: HistoryConsultationNote): string {
  return t('history.consultation', {
    round: note.roundNumber,
    seq: note.seq,
    label: note.clauseLabel,
    decision: t(`consultation.decision.${note.decision ?? 'open'}`),
  });
}

/** "2026-03-05 14:30", "2026-03-05 14:30–14:42" or across days "2026-03-05 23:50 – 2026-03-06 00:05". */
export function timeSpan(entry: Pick<HistoryEntryView, 'from' | 'to'>): string {
  const from = formatDateTime(entry.from);
  const to = formatDateTime(entry.to);
  if (from === to) return from;
  return from.slice(0, 10) === to.slice(0, 10) ? `${from}–${to.slice(11)}` : `${from} – ${to}`;
}
