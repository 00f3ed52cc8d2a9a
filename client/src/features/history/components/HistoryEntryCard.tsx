import { memo, useState } from 'react';
import { Tag, Tooltip, Typography } from 'antd';
import type { Editor } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import type { HistoryEntryView, HistoryTextChange } from '@shared/api/history';
import { colorForUser } from '../../../lib/presenceColor';
import { consultationText, restoreText, structureText, targetLabel, timeSpan } from '../lib/describeChanges';
import { canJump, jumpToTarget } from '../lib/jumpToTarget';

/** Changed nodes shown before "and N more". */
const SHOWN_CHANGES = 8;

interface TargetButtonProps {
  editor: Editor;
  change: HistoryTextChange;
}

/** One changed node: its label (a jump to it) and how much changed in it. */
function ChangeChip({ editor, change }: TargetButtonProps) {
  const { t } = useTranslation();
  const label = targetLabel(t, change);
  const jumpable = canJump(change);
  const attributes = change.attributes.map((name) =>
    t(`structure.cover.fields.${name}`, { defaultValue: t(`history.attributes.${name}`, { defaultValue: name }) }),
  );
  const title = change.title ? `${label} ${change.title}` : label;
  return (
    <Tooltip title={jumpable ? t('history.jump', { label: title }) : t('history.gone', { label: title })}>
      <button
        type="button"
        className={`history-change${change.deleted ? ' history-change--deleted' : ''}`}
        disabled={!jumpable}
        onClick={() => jumpToTarget(editor, change)}
        data-testid="history-change"
        data-target-id={change.targetId}
        data-label={change.label}
      >
        <span className="history-change__label">{label}</span>
        {change.added > 0 ? <span className="history-change__added">+{change.added}</span> : null}
        {change.removed > 0 ? <span className="history-change__removed">−{change.removed}</span> : null}
        {change.formatted ? <span className="history-change__note">{t('history.formatted')}</span> : null}
        {attributes.length > 0 ? <span className="history-change__note">{attributes.join('、')}</span> : null}
      </button>
    </Tooltip>
  );
}

interface HistoryEntryCardProps {
  entry: HistoryEntryView;
  editor: Editor;
}

/** One entry of the timeline: who (in their colour), when, what per clause, structure changes. */
export const HistoryEntryCard = memo(function HistoryEntryCard({ entry, editor }: HistoryEntryCardProps) {
  const { t } = useTranslation();
  const [expanded, setExpanded] = useState(false);
  const color = colorForUser(entry.userId);
  const name = entry.system ? t('history.system') : entry.userName || t('history.unknownPerson');
  const changes = expanded ? entry.changes : entry.changes.slice(0, SHOWN_CHANGES);
  const hidden = entry.changes.length - changes.length;
  const lines = entry.creation
    ? [t('history.creation', { count: entry.added })]
    : [
        ...entry.restores.map((r) => restoreText(t, r)),
        ...entry.structure.map((s) => structureText(t, s)),
        ...entry.consultation.map((c) => consultationText(t, c)),
      ];
  const empty = !entry.creation && lines.length === 0 && entry.changes.length === 0;
  return (
    <article
      className="history-entry"
      style={{ borderLeftColor: color }}
      data-testid="history-entry"
      data-entry-id={entry.id}
      data-user-id={entry.userId}
    >
      <header className="history-entry__head">
        <span className="history-entry__dot" style={{ background: color }} aria-hidden />
        <Typography.Text strong className="history-entry__person" style={{ color }} data-testid="history-person">
          {name}
        </Typography.Text>
        {entry.organizationName ? (
          <Typography.Text type="secondary" className="history-entry__organization" ellipsis>
            {entry.organizationName}
          </Typography.Text>
        ) : null}
      </header>
      <div className="history-entry__meta">
        <time dateTime={entry.from}>{timeSpan(entry)}</time>
        {entry.open ? (
          <Tag color="processing" className="history-entry__open">
            {t('history.open')}
          </Tag>
        ) : null}
        {entry.added + entry.removed > 0 ? (
          <span className="history-entry__totals">
            {entry.added > 0 ? <span className="history-change__added">+{entry.added}</span> : null}
            {entry.removed > 0 ? <span className="history-change__removed">−{entry.removed}</span> : null}
          </span>
        ) : null}
      </div>
      {lines.length > 0 ? (
        <ul className="history-entry__lines" data-testid="history-structure">
          {lines.map((line, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: lines of one entry never reorder
            <li key={i}>{line}</li>
          ))}
        </ul>
      ) : null}
      {entry.changes.length > 0 && !entry.creation ? (
        <div className="history-entry__changes">
          {changes.map((change) => (
            <ChangeChip key={change.targetId} editor={editor} change={change} />
          ))}
          {hidden > 0 || expanded ? (
            <button type="button" className="history-entry__more" onClick={() => setExpanded(!expanded)}>
              {expanded ? t('history.less') : t('history.more', { count: hidden })}
            </button>
          ) : null}
        </div>
      ) : null}
      {empty ? (
        <Typography.Text type="secondary" className="history-entry__empty">
          {t('history.noChange')}
        </Typography.Text>
      ) : null}
    </article>
  );
});
