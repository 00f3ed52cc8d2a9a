import { Button, Divider, Dropdown, Tooltip } from 'antd';
import type { MenuProps } from 'antd';
import {
  BoldOutlined,
  FontSizeOutlined,
  ItalicOutlined,
  OrderedListOutlined,
  RedoOutlined,
  TableOutlined,
  UndoOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import type { Editor } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';
import type { DocumentKind } from '@shared/domain/project';
import { StructureToolbar, useDeferredEditorState } from '../../structure';
import type { ExternalNumbering } from '../../structure';

interface ToolButtonProps {
  title: string;
  icon: ReactNode;
  active?: boolean;
  disabled?: boolean;
  onClick: () => void;
  testId: string;
}

function ToolButton({ title, icon, active = false, disabled = false, onClick, testId }: ToolButtonProps) {
  return (
    <Tooltip title={title}>
      <Button
        type={active ? 'primary' : 'text'}
        ghost={active}
        icon={icon}
        aria-label={title}
        aria-pressed={active}
        disabled={disabled}
        onMouseDown={(event) => event.preventDefault()}
        onClick={onClick}
        data-testid={testId}
      />
    </Tooltip>
  );
}

interface EditorToolbarProps {
  editor: Editor;
  disabled: boolean;
  /** The standard text's numbering, for cross-document references (explanation, report). */
  external?: ExternalNumbering | null;
  kind: DocumentKind;
}

interface FormattingState {
  inHeading: boolean;
  bold: boolean;
  italic: boolean;
  bulletList: boolean;
  orderedList: boolean;
  inTable: boolean;
  canUndo: boolean;
  canRedo: boolean;
}

function formattingState(e: Editor): FormattingState {
  return {
    inHeading: e.isActive('heading'),
    bold: e.isActive('bold'),
    italic: e.isActive('italic'),
    bulletList: e.isActive('bulletList'),
    orderedList: e.isActive('orderedList'),
    inTable: e.isActive('table'),
    canUndo: e.can().undo(),
    canRedo: e.can().redo(),
  };
}

function sameFormattingState(a: FormattingState, b: FormattingState): boolean {
  const keys = Object.keys(a) as (keyof FormattingState)[];
  return keys.every((key) => a[key] === b[key]);
}

/**
 * Formatting and structure of the text: emphasis, lists, editing the rows and columns of a numbered
 * table, the GB/T 1.1 structure controls (clauses, insert menu, cross-references, list style,
 * chapter/annex kind, moves, deletion), collaborative undo/redo. Every document is built of
 * numbered chapters, clauses and tables (the templates use no free headings): the toolbar offers no
 * headings and no bare table — a table is inserted with its number and title from the insert menu.
 * A free heading that came in some other way (pasted, typed markdown) can be turned into body text.
 */
export function EditorToolbar({ editor, disabled, external = null, kind }: EditorToolbarProps) {
  const { t } = useTranslation();
  const state = useDeferredEditorState(editor, { compute: formattingState, equal: sameFormattingState });

  const tableItems: MenuProps['items'] = [
    { key: 'addRowBefore', label: t('document.toolbar.addRowBefore'), disabled: !state.inTable },
    { key: 'addRowAfter', label: t('document.toolbar.addRowAfter'), disabled: !state.inTable },
    { key: 'deleteRow', label: t('document.toolbar.deleteRow'), disabled: !state.inTable, danger: true },
    { type: 'divider' },
    { key: 'addColumnBefore', label: t('document.toolbar.addColumnBefore'), disabled: !state.inTable },
    { key: 'addColumnAfter', label: t('document.toolbar.addColumnAfter'), disabled: !state.inTable },
    { key: 'deleteColumn', label: t('document.toolbar.deleteColumn'), disabled: !state.inTable, danger: true },
    { type: 'divider' },
    { key: 'toggleHeaderRow', label: t('document.toolbar.toggleHeaderRow'), disabled: !state.inTable },
    { key: 'deleteTable', label: t('document.toolbar.deleteTable'), disabled: !state.inTable, danger: true },
  ];

  const onTableCommand = (key: string) => {
    runTableCommand(key);
    // The menu hands focus back to its trigger when it closes; give it back to the text afterwards.
    setTimeout(() => {
      if (!editor.isDestroyed) editor.commands.focus();
    }, 0);
  };

  const runTableCommand = (key: string) => {
    const chain = editor.chain().focus();
    switch (key) {
      case 'addRowBefore':
        chain.addRowBefore().run();
        return;
      case 'addRowAfter':
        chain.addRowAfter().run();
        return;
      case 'deleteRow':
        chain.deleteRow().run();
        return;
      case 'addColumnBefore':
        chain.addColumnBefore().run();
        return;
      case 'addColumnAfter':
        chain.addColumnAfter().run();
        return;
      case 'deleteColumn':
        chain.deleteColumn().run();
        return;
      case 'toggleHeaderRow':
        chain.toggleHeaderRow().run();
        return;
      case 'deleteTable':
        chain.deleteTable().run();
        return;
    }
  };

  return (
    <div className="editor-toolbar" role="toolbar" aria-label={t('document.toolbar.label')} data-testid="toolbar">
      {state.inHeading ? (
        <>
          <Tooltip title={t('document.toolbar.toParagraphHint')}>
            <Button
              type="text"
              icon={<FontSizeOutlined />}
              disabled={disabled}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => editor.chain().focus().setParagraph().run()}
              data-testid="toolbar-to-paragraph"
            >
              {t('document.toolbar.toParagraph')}
            </Button>
          </Tooltip>
          <Divider orientation="vertical" />
        </>
      ) : null}
      <ToolButton
        title={t('document.toolbar.bold')}
        icon={<BoldOutlined />}
        active={state.bold}
        disabled={disabled}
        onClick={() => editor.chain().focus().toggleBold().run()}
        testId="toolbar-bold"
      />
      <ToolButton
        title={t('document.toolbar.italic')}
        icon={<ItalicOutlined />}
        active={state.italic}
        disabled={disabled}
        onClick={() => editor.chain().focus().toggleItalic().run()}
        testId="toolbar-italic"
      />
      <Divider orientation="vertical" />
      <ToolButton
        title={t('document.toolbar.bulletList')}
        icon={<UnorderedListOutlined />}
        active={state.bulletList}
        disabled={disabled}
        onClick={() => editor.chain().focus().toggleBulletList().run()}
        testId="toolbar-bullet-list"
      />
      <ToolButton
        title={t('document.toolbar.orderedList')}
        icon={<OrderedListOutlined />}
        active={state.orderedList}
        disabled={disabled}
        onClick={() => editor.chain().focus().toggleOrderedList().run()}
        testId="toolbar-ordered-list"
      />
      <Divider orientation="vertical" />
      <Dropdown
        disabled={disabled || !state.inTable}
        trigger={['click']}
        menu={{ items: tableItems, onClick: ({ key }) => onTableCommand(key) }}
      >
        <Button
          type={state.inTable ? 'primary' : 'text'}
          ghost={state.inTable}
          icon={<TableOutlined />}
          onMouseDown={(event) => event.preventDefault()}
          title={t('document.toolbar.tableHint')}
          data-testid="toolbar-table"
        >
          {t('document.toolbar.table')}
        </Button>
      </Dropdown>
      <Divider orientation="vertical" />
      <StructureToolbar editor={editor} disabled={disabled} external={external} kind={kind} />
      <Divider orientation="vertical" />
      <ToolButton
        title={t('document.toolbar.undo')}
        icon={<UndoOutlined />}
        disabled={disabled || !state.canUndo}
        onClick={() => editor.commands.undo()}
        testId="toolbar-undo"
      />
      <ToolButton
        title={t('document.toolbar.redo')}
        icon={<RedoOutlined />}
        disabled={disabled || !state.canRedo}
        onClick={() => editor.commands.redo()}
        testId="toolbar-redo"
      />
    </div>
  );
}
