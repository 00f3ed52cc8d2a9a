import { memo } from 'react';
import type { DiffAuthor, DiffSegment } from '@shared/api/versionDiff';
import { colorForUser } from '../../../lib/presenceColor';

interface DiffSegmentsProps {
  segments: readonly DiffSegment[];
  authors: ReadonlyMap<string, DiffAuthor>;
  unknownAuthor: string;
}

function authorTitle(by: string | null | undefined, authors: ReadonlyMap<string, DiffAuthor>, unknown: string): string {
  const author = by ? authors.get(by) : undefined;
  return author ? `${author.name}（${author.organization}）` : unknown;
}

/** Runs of text: kept as they are, inserted underlined and deleted struck through, in the author's colour. */
export const DiffSegments = memo(function DiffSegments({ segments, authors, unknownAuthor }: DiffSegmentsProps) {
  return (
    <>
      {segments.map((segment, index) => {
        const key = `${index}-${segment.op}`;
        if (segment.op === 'equal') return <span key={key}>{segment.text}</span>;
        const color = segment.by ? colorForUser(segment.by) : undefined;
        const title = authorTitle(segment.by, authors, unknownAuthor);
        const style = color ? { color, borderColor: color } : undefined;
        return segment.op === 'insert' ? (
          <ins key={key} className="diff-ins" style={style} title={title} data-by={segment.by ?? ''}>
            {segment.text}
          </ins>
        ) : (
          <del key={key} className="diff-del" style={style} title={title} data-by={segment.by ?? ''}>
            {segment.text}
          </del>
        );
      })}
    </>
  );
});
