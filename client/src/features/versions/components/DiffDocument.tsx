import { memo } from 'react';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DiffAuthor, DiffLine, DiffPart } from '@shared/api/versionDiff';
import { DiffSegments } from './DiffSegments';

interface DiffDocumentProps {
  parts: readonly DiffPart[];
  authors: ReadonlyMap<string, DiffAuthor>;
}

/** Lines that carry the part's label in front of them (a section's title, a term, a caption). */
const LABELLED_ROLES = new Set(['title', 'term', 'caption']);
const HEADED_KINDS = new Set(['cover', 'foreword', 'bibliography']);

function LineView({
  line,
  label,
  authors,
}: {
  line: DiffLine;
  label: string | null;
  authors: ReadonlyMap<string, DiffAuthor>;
}) {
  const { t } = useTranslation();
  return (
    <div className={`diff-line diff-line--${line.role}`}>
      {label ? <span className="diff-label">{label}</span> : null}
      {line.role === 'field' && line.field ? (
        <span className="diff-field">{t(`structure.cover.fields.${line.field}`)}：</span>
      ) : null}
      <DiffSegments segments={line.segments} authors={authors} unknownAuthor={t('versions.diff.unknownAuthor')} />
    </div>
  );
}

export const DiffPartView = memo(function DiffPartView({
  part,
  authors,
}: {
  part: DiffPart;
  authors: ReadonlyMap<string, DiffAuthor>;
}) {
  const { t } = useTranslation();
  const labelledIndex = part.lines.findIndex((line) => LABELLED_ROLES.has(line.role));
  const unknown = t('versions.diff.unknownAuthor');
  return (
    <section
      className={`diff-part diff-part--${part.status} diff-part--${part.kind} diff-depth-${Math.min(part.depth, 6)}`}
      data-part-key={part.key}
      data-status={part.status}
    >
      {HEADED_KINDS.has(part.kind) || (labelledIndex < 0 && part.label && part.kind !== 'text') ? (
        <div className="diff-part__heading">{part.label}</div>
      ) : null}
      {part.status !== 'unchanged' || part.moved ? (
        <div className="diff-part__flags">
          {part.status !== 'unchanged' ? <Tag>{t(`versions.diff.status.${part.status}`)}</Tag> : null}
          {part.moved ? <Tag>{t('versions.diff.status.moved')}</Tag> : null}
          {part.fromLabel && part.toLabel && part.fromLabel !== part.toLabel ? (
            <span className="diff-part__formerly">{t('versions.diff.formerly', { label: part.fromLabel })}</span>
          ) : null}
        </div>
      ) : null}
      {part.lines.map((line, index) =>
        // A table's caption stands above it, its notes below.
        part.rows && line.role !== 'caption' ? null : (
          <LineView
            // biome-ignore lint/suspicious/noArrayIndexKey: the lines of a part are a fixed sequence
            key={index}
            line={line}
            label={index === labelledIndex && !HEADED_KINDS.has(part.kind) ? part.label : null}
            authors={authors}
          />
        ),
      )}
      {part.rows && part.rows.length > 0 ? (
        <table className="diff-table">
          <tbody>
            {part.rows.map((row, r) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional
              <tr key={r}>
                {row.map((cell, c) => {
                  const Cell = cell.header ? 'th' : 'td';
                  return (
                    <Cell
                      key={cell.cellId ?? `${r}-${c}`}
                      colSpan={cell.colspan}
                      rowSpan={cell.rowspan}
                      className={`diff-cell diff-cell--${cell.status}`}
                      data-cell-id={cell.cellId ?? ''}
                    >
                      <DiffSegments segments={cell.segments} authors={authors} unknownAuthor={unknown} />
                    </Cell>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {part.rows
        ? part.lines.map((line, index) =>
            line.role === 'caption' ? null : (
              // biome-ignore lint/suspicious/noArrayIndexKey: the lines of a part are a fixed sequence
              <LineView key={index} line={line} label={null} authors={authors} />
            ),
          )
        : null}
    </section>
  );
});

/** The document as a read-only page with its insertions and deletions marked in their authors' colours. */
export function DiffDocument({ parts, authors }: DiffDocumentProps) {
  return (
    <article className="diff-document" data-testid="diff-document">
      {parts.map((part) => (
        <DiffPartView key={part.key} part={part} authors={authors} />
      ))}
    </article>
  );
}
