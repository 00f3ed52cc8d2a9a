import { memo } from 'react';
import { Empty, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DiffAuthor, DiffPart, IndicatorChange } from '@shared/api/versionDiff';
import { colorForUser } from '../../../lib/presenceColor';
import { afterSegments, beforeSegments, changedCells, restoreKey } from '../lib/segments';
import { DiffSegments } from './DiffSegments';
import { RestoreButton } from './RestoreButton';
import type { RestoreTarget } from './RestoreButton';

interface ClauseChangeListProps {
  parts: readonly DiffPart[];
  indicators: readonly IndicatorChange[];
  authors: ReadonlyMap<string, DiffAuthor>;
  /** Set for the lead: where a restore brings a part back to. */
  restoreTarget: RestoreTarget | null;
  onRestored: () => void;
  /** Shows the part in the document beside the list (absent when the document is not shown). */
  onLocate?: (key: string) => void;
}

export function AuthorChip({ id, authors }: { id: string; authors: ReadonlyMap<string, DiffAuthor> }) {
  const { t } = useTranslation();
  const author = authors.get(id);
  return (
    <span className="diff-author" data-author-id={id}>
      <span className="diff-author__swatch" style={{ background: colorForUser(id) }} />
      {author
        ? t('versions.by', { name: author.name, organization: author.organization })
        : t('versions.diff.unknownAuthor')}
    </span>
  );
}

/** One changed part: its label, before → after with the changes highlighted, who made them, a restore for the lead. */
const ClauseChange = memo(function ClauseChange({
  part,
  authors,
  restoreTarget,
  onRestored,
  onLocate,
}: {
  part: DiffPart;
  authors: ReadonlyMap<string, DiffAuthor>;
  restoreTarget: RestoreTarget | null;
  onRestored: () => void;
  onLocate?: (key: string) => void;
}) {
  const { t } = useTranslation();
  const unknown = t('versions.diff.unknownAuthor');
  const key = restoreKey(part);
  const cells = changedCells(part);
  const changedLines = part.lines.filter((line) => line.segments.some((s) => s.op !== 'equal'));
  const lines = part.status === 'changed' ? changedLines : part.lines;
  return (
    <li className="clause-change" data-part-key={part.key} data-testid="clause-change">
      <div className="clause-change__head">
        {onLocate ? (
          <Typography.Link strong className="clause-change__label" onClick={() => onLocate(part.key)}>
            {part.label} {part.title}
          </Typography.Link>
        ) : (
          <Typography.Text strong className="clause-change__label">
            {part.label} {part.title}
          </Typography.Text>
        )}
        {part.status !== 'unchanged' ? <Tag>{t(`versions.diff.status.${part.status}`)}</Tag> : null}
        {part.moved ? <Tag>{t('versions.diff.status.moved')}</Tag> : null}
        {part.fromLabel && part.toLabel && part.fromLabel !== part.toLabel ? (
          <span className="diff-part__formerly">{t('versions.diff.formerly', { label: part.fromLabel })}</span>
        ) : null}
        {restoreTarget && key ? (
          <span className="clause-change__restore">
            <RestoreButton
              target={restoreTarget}
              part={{ key, label: part.label, removes: part.fromLabel === null }}
              onRestored={onRestored}
            />
          </span>
        ) : null}
      </div>
      {lines.length > 0 ? (
        <div className="clause-change__compare">
          <div className="clause-change__side">
            <div className="clause-change__caption">{t('versions.diff.before')}</div>
            {lines.map((line, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: positional lines
              <div key={i} className="clause-change__line" data-side="before">
                <DiffSegments segments={beforeSegments(line.segments)} authors={authors} unknownAuthor={unknown} />
              </div>
            ))}
          </div>
          <div className="clause-change__side">
            <div className="clause-change__caption">{t('versions.diff.after')}</div>
            {lines.map((line, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: positional lines
              <div key={i} className="clause-change__line" data-side="after">
                <DiffSegments segments={afterSegments(line.segments)} authors={authors} unknownAuthor={unknown} />
              </div>
            ))}
          </div>
        </div>
      ) : null}
      {cells.length > 0 ? (
        <ul className="clause-change__cells">
          {cells.map((cell, i) => (
            <li key={cell.cellId ?? i}>
              <span className="clause-change__place">{cell.place}</span>{' '}
              <DiffSegments segments={beforeSegments(cell.segments)} authors={authors} unknownAuthor={unknown} />
              {' → '}
              <DiffSegments segments={afterSegments(cell.segments)} authors={authors} unknownAuthor={unknown} />
            </li>
          ))}
        </ul>
      ) : null}
      {part.authors.length > 0 ? (
        <div className="clause-change__authors">
          {t('versions.diff.madeBy')}
          {part.authors.map((id) => (
            <AuthorChip key={id} id={id} authors={authors} />
          ))}
        </div>
      ) : null}
    </li>
  );
});

/** The clause-by-clause list of a difference, with the changed indicator values (关联指标) first. */
export function ClauseChangeList({
  parts,
  indicators,
  authors,
  restoreTarget,
  onRestored,
  onLocate,
}: ClauseChangeListProps) {
  const { t } = useTranslation();
  if (parts.length === 0 && indicators.length === 0) {
    return <Empty description={t('versions.diff.noChanges')} />;
  }
  return (
    <div className="clause-changes" data-testid="clause-changes">
      {indicators.length > 0 ? (
        <section className="clause-changes__indicators" data-testid="indicator-changes">
          <Typography.Title level={5}>{t('versions.diff.indicators')}</Typography.Title>
          <ul>
            {indicators.map((change) => (
              <li key={change.cellId}>
                {t('versions.diff.indicator', { place: change.place })}{' '}
                <del
                  className="diff-del"
                  style={{ color: change.authors[0] ? colorForUser(change.authors[0]) : undefined }}
                >
                  {change.before}
                </del>
                {' → '}
                <ins
                  className="diff-ins"
                  style={{ color: change.authors[0] ? colorForUser(change.authors[0]) : undefined }}
                >
                  {change.after}
                </ins>
                {change.authors.map((id) => (
                  <AuthorChip key={id} id={id} authors={authors} />
                ))}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <ol className="clause-changes__list">
        {parts.map((part) => (
          <ClauseChange
            key={part.key}
            part={part}
            authors={authors}
            restoreTarget={restoreTarget}
            onRestored={onRestored}
            onLocate={onLocate}
          />
        ))}
      </ol>
    </div>
  );
}
