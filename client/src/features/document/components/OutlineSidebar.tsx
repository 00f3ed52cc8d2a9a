import { Empty, Typography } from 'antd';
import type { Editor } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import { useOutline } from '../hooks/useOutline';
import type { OutlineItem } from '../hooks/useOutline';

/** Scrolls the heading into view and puts the caret at its start. */
function goTo(editor: Editor, item: OutlineItem): void {
  if (editor.isDestroyed) return;
  const dom = editor.view.nodeDOM(item.pos);
  if (dom instanceof HTMLElement) dom.scrollIntoView({ behavior: 'smooth', block: 'start' });
  editor.commands.setTextSelection(item.pos + 1);
  if (editor.isEditable) editor.commands.focus(undefined, { scrollIntoView: false });
}

/** 目次: the headings of the document, live, indented by level. */
export function OutlineSidebar({ editor }: { editor: Editor }) {
  const { t } = useTranslation();
  const items = useOutline(editor);
  return (
    <nav className="outline" aria-label={t('document.outline')} data-testid="outline">
      <Typography.Text strong className="outline__title">
        {t('document.outline')}
      </Typography.Text>
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('document.outlineEmpty')} />
      ) : (
        <ul className="outline__list">
          {items.map((item) => (
            <li key={item.pos} className={`outline__item outline__item--level-${Math.min(item.level, 6)}`}>
              <button type="button" className="outline__link" onClick={() => goTo(editor, item)} data-testid="outline-item" title={item.text}>
                {item.text || '—'}
              </button>
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
}
