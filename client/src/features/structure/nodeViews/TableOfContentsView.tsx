import { memo, useMemo, useRef } from 'react';
import { NodeViewWrapper } from '@tiptap/react';
import type { NodeViewProps } from '@tiptap/react';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { ANNEX_TYPE_LABELS } from '@shared/editor/structure/names';
import type { Editor } from '@tiptap/react';
import { useOutlineEntries } from '../hooks/useOutlineEntries';
import { useDeferredWhileAway } from '../hooks/useDeferredWhileAway';
import { contentsEntries } from '../lib/outlineEntries';
import type { OutlineEntry } from '../lib/outlineEntries';
import { jumpToEntry } from '../lib/jumpToEntry';

function entryText(entry: OutlineEntry): string {
  if (entry.kind === 'annex') {
    const type = entry.annexType ? ANNEX_TYPE_LABELS[entry.annexType] : '';
    return `${entry.label}${type}　${entry.title}`;
  }
  return entry.label ? `${entry.label}　${entry.title}` : entry.title;
}

/** One line of the contents; entries keep their identity while they show the same, so it rarely re-renders. */
const ContentsLine = memo(function ContentsLine({ editor, entry }: { editor: Editor; entry: OutlineEntry }) {
  return (
    <li className={`gb-toc__item gb-toc__item--${entry.kind} gb-toc__item--depth-${Math.min(entry.depth, 3)}`}>
      <button
        type="button"
        className="gb-toc__link"
        data-testid="toc-item"
        data-toc-label={entry.label}
        onClick={() => jumpToEntry(editor, entry)}
      >
        {entryText(entry)}
      </button>
    </li>
  );
});

/**
 * 目次: generated from the live outline (rebuilt on structural changes only); each line jumps to its
 * section. Never lists terms. Away from the view it catches up when the page is idle, not within the
 * structural change (useDeferredWhileAway).
 */
export function TableOfContentsView({ editor }: NodeViewProps) {
  const { t } = useTranslation();
  const element = useRef<HTMLElement>(null);
  const outline = useDeferredWhileAway(useOutlineEntries(editor), element);
  const entries = useMemo(() => contentsEntries(outline), [outline]);
  // The same element while the entries are the same: React skips the list without visiting its lines.
  const list = useMemo(
    () => (
      <ol className="gb-toc__list">
        {entries.map((entry) => (
          <ContentsLine key={entry.key} editor={editor} entry={entry} />
        ))}
      </ol>
    ),
    [editor, entries],
  );
  return (
    <NodeViewWrapper
      ref={element}
      as="nav"
      className="gb-toc"
      data-testid="table-of-contents"
      // Its height until first drawn (structure.css): a line per entry, and the heading.
      style={{ containIntrinsicBlockSize: `auto ${(entries.length * 1.9 + 4).toFixed(1)}em` }}
    >
      <div className="gb-toc__heading">
        目　　次
        <Tag className="gb-generated-tag" color="default">
          {t('structure.generated')}
        </Tag>
      </div>
      {entries.length === 0 ? <div className="gb-toc__empty">{t('structure.tocEmpty')}</div> : list}
    </NodeViewWrapper>
  );
}
