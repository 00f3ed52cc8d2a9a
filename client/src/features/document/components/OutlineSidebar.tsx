import { memo, useCallback } from 'react';
import { Empty, Typography } from 'antd';
import type { Editor } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import { ANNEX_TYPE_LABELS } from '@shared/editor/structure/names';
import { sectionKey, useCurrentSection, useOutlineEntries, jumpToEntry } from '../../structure';
import type { OutlineEntry } from '../../structure';
import { VirtualList } from '../../../components/VirtualList';
import './outline.css';

/** A row: 13 px text at line height 1.5 and 4 px padding above and below. */
const ROW_HEIGHT = 28;
const entryKey = (entry: OutlineEntry) => entry.key;

interface OutlineLinkProps {
  entry: OutlineEntry;
  /** The caret is in this section. */
  current: boolean;
  onJump: (entry: OutlineEntry) => void;
}

const OutlineLink = memo(function OutlineLink({ entry, current, onJump }: OutlineLinkProps) {
  const annexType = entry.kind === 'annex' && entry.annexType ? ANNEX_TYPE_LABELS[entry.annexType] : '';
  const full = [entry.label + annexType, entry.title].filter(Boolean).join(' ');
  return (
    <button
      type="button"
      className={current ? 'outline__link outline__link--current' : 'outline__link'}
      aria-current={current ? 'location' : undefined}
      onClick={() => onJump(entry)}
      data-testid="outline-item"
      data-label={entry.label}
      data-kind={entry.kind}
      title={full}
    >
      {entry.label ? (
        <span className="outline__label">
          {entry.label}
          {annexType ? <span className="outline__annex-type">{annexType}</span> : null}
        </span>
      ) : null}
      <span className="outline__text">{entry.title || '—'}</span>
    </button>
  );
});

const entryClass = (entry: OutlineEntry) =>
  `outline__item outline__item--level-${Math.min(entry.depth, 6)} outline__item--${entry.kind}`;

/**
 * 目次 of the workspace: the numbered structure (chapters, clauses, annexes with their live numbers,
 * plus the foreword and bibliography), or the headings of a document without structure. A click
 * scrolls to the section and selects its title; arrow keys move between entries. A long outline
 * (a 100-page standard has hundreds of entries) renders only the entries in view.
 */
export function OutlineSidebar({ editor }: { editor: Editor }) {
  const { t } = useTranslation();
  const entries = useOutlineEntries(editor);
  // Entries keep their identity while only text changes: a keystroke re-renders no row.
  const current = useCurrentSection(editor);
  const jump = useCallback((entry: OutlineEntry) => jumpToEntry(editor, entry), [editor]);
  return (
    <nav className="outline" aria-label={t('document.outline')} data-testid="outline">
      <Typography.Text strong className="outline__title">
        {t('document.outline')}
      </Typography.Text>
      {entries.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('document.outlineEmpty')} />
      ) : (
        <VirtualList
          items={entries}
          itemKey={entryKey}
          itemClassName={entryClass}
          estimateSize={ROW_HEIGHT}
          className="outline__list"
          testId="outline-list"
          renderItem={(entry) => <OutlineLink entry={entry} current={sectionKey(entry) === current} onJump={jump} />}
        />
      )}
    </nav>
  );
}
