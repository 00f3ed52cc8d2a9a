import { Button, Divider, Dropdown, Select, Tooltip } from 'antd';
import type { MenuProps } from 'antd';
import {
  BoldOutlined,
  ItalicOutlined,
  OrderedListOutlined,
  RedoOutlined,
  TableOutlined,
  UndoOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { useEditorState } from '@tiptap/react';
import type { Editor } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';
import { StructureToolbar } from '../../structure/components/StructureToolbar';
import type { ExternalNumbering } from '../../structure/hooks/useExternalNumbering';

const HEADING_LEVELS = [1, 2, 3, 4] as const;
type HeadingLevel = (typeof HEADING_LEVELS)[number];
type BlockType = 'paragraph' | `heading-${HeadingLevel}` | 'other';

function blockTypeOf(editor: Editor): BlockType {
  if (editor.isActive('paragraph')) return 'paragraph';
  for (const level of HEADING_LEVELS) if (editor.isActive('heading', { level })) return `heading-${level}`;
  return 'other';
}

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
}

/**
 * Formatting and structure of the standard's text: block type, emphasis, lists, tables, the GB/T 1.1
 * structure controls (clauses, insert menu, cross-references, list style, moves), collaborative
 * undo/redo.
 */
export function EditorToolbar({ editor, disabled, external = null }: EditorToolbarProps) {
  const { t } = useTranslation();
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      block: blockTypeOf(e),
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
      inTable: e.isActive('table'),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });

  const setBlock = (value: BlockType) => {
    const chain = editor.chain().focus();
    if (value === 'paragraph') chain.setParagraph().run();
    else if (value !== 'other') chain.setHeading({ level: Number(value.slice('heading-'.length)) as HeadingLevel }).run();
  };

  const tableItems: MenuProps['items'] = [
    { key: 'insert', label: t('document.toolbar.insertTable'), disabled: state.inTable },
    { type: 'divider' },
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
      case 'insert':
        chain.insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run();
        return;
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
      <Select<BlockType>
        value={state.block}
        disabled={disabled}
        onChange={setBlock}
        style={{ width: 112 }}
        aria-label={t('document.toolbar.paragraph')}
        data-testid="toolbar-block-type"
        options={[
          { value: 'paragraph', label: t('document.toolbar.paragraph') },
          ...HEADING_LEVELS.map((level) => ({ value: `heading-${level}` as const, label: t('document.toolbar.heading', { level }) })),
          ...(state.block === 'other' ? [{ value: 'other' as const, label: '—', disabled: true }] : []),
        ]}
      />
      <Divider orientation="vertical" />
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
        disabled={disabled}
        trigger={['click']}
        menu={{ items: tableItems, onClick: ({ key }) => onTableCommand(key) }}
      >
        <Button
          type={state.inTable ? 'primary' : 'text'}
          ghost={state.inTable}
          icon={<TableOutlined />}
          onMouseDown={(event) => event.preventDefault()}
          data-testid="toolbar-table"
        >
          {t('document.toolbar.table')}
        </Button>
      </Dropdown>
      <Divider orientation="vertical" />
      <StructureToolbar editor={editor} disabled={disabled} external={external} />
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
