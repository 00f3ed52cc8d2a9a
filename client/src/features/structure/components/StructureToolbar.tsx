import { useState } from 'react';
import { Divider } from 'antd';
import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  LinkOutlined,
  MenuFoldOutlined,
  MenuUnfoldOutlined,
  PlusSquareOutlined,
  SortAscendingOutlined,
  SubnodeOutlined,
} from '@ant-design/icons';
import type { Editor } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import type { AnnexType, ChapterRole, ListStyle } from '@shared/editor/structure/names';
import type { DocumentKind } from '@shared/domain/project';
import type { ExternalNumbering } from '../hooks/useExternalNumbering';
import { useStructureCommandState } from '../hooks/useStructureCommandState';
import { CrossRefDialog } from './CrossRefDialog';
import { DeleteSectionButton } from './DeleteSectionButton';
import { SectionKindSelect } from './SectionKindSelect';
import { IndicatorLinkButton } from './IndicatorLinkButton';
import { InsertMenu } from './InsertMenu';
import type { InsertAction } from './InsertMenu';
import { ListStyleSelect } from './ListStyleSelect';
import { StructureButton } from './StructureButton';
import { TableBlockModal } from './TableBlockModal';
import type { TableBlockValues } from './TableBlockModal';

interface StructureToolbarProps {
  editor: Editor;
  disabled: boolean;
  /** The standard text's numbering, for cross-document references (explanation, report). */
  external: ExternalNumbering | null;
  kind: DocumentKind;
}

/** Hands the focus back to the text after a menu or dialog took it. */
function refocus(editor: Editor): void {
  setTimeout(() => {
    if (!editor.isDestroyed) editor.commands.focus();
  }, 0);
}

/**
 * The GB/T 1.1 structure controls: clauses, the insert menu, cross-references, list style, the kind
 * of the chapter/annex at the caret, sorting chapter 2, moves, deleting a clause.
 */
export function StructureToolbar({ editor, disabled, external, kind }: StructureToolbarProps) {
  const { t } = useTranslation();
  const can = useStructureCommandState(editor);
  const [picker, setPicker] = useState(false);
  const [tableModal, setTableModal] = useState(false);

  const run = (command: (chain: ReturnType<Editor['chain']>) => ReturnType<Editor['chain']>) => {
    command(editor.chain().focus()).run();
  };

  const onInsert = (action: InsertAction) => {
    switch (action.type) {
      case 'chapter':
        run((c) => c.insertChapter(action.role));
        break;
      case 'annex':
        run((c) => c.insertAnnex(action.normative));
        break;
      case 'term':
        run((c) => c.insertTermEntry());
        break;
      case 'reference':
        run((c) => c.insertReferenceEntry());
        break;
      case 'table':
        setTableModal(true);
        return;
      case 'figure':
        run((c) => c.insertFigureBlock());
        break;
      case 'note':
        run((c) => c.insertNote());
        break;
    }
    refocus(editor);
  };

  const insertTable = ({ caption, rows, cols }: TableBlockValues) => {
    setTableModal(false);
    const chain = editor.chain().focus().insertTableBlock({ rows, cols });
    (caption ? chain.insertContent(caption) : chain).run();
    refocus(editor);
  };

  const pickTarget = (targetId: string) => {
    setPicker(false);
    editor.chain().focus().insertCrossRef(targetId).run();
    refocus(editor);
  };

  const setListStyle = (style: ListStyle) => {
    editor.chain().focus().setListStyle(style).run();
    refocus(editor);
  };

  const setChapterRole = (role: ChapterRole) => {
    editor.chain().focus().setChapterRole(role).run();
    refocus(editor);
  };

  const setAnnexType = (type: AnnexType) => {
    editor.chain().focus().setAnnexType(type).run();
    refocus(editor);
  };

  return (
    <div
      className="structure-toolbar"
      role="toolbar"
      aria-label={t('structure.toolbar.label')}
      data-testid="structure-toolbar"
    >
      <StructureButton
        title={t('structure.toolbar.clauseHint')}
        icon={<PlusSquareOutlined />}
        text={t('structure.toolbar.clause')}
        disabled={disabled || !can.clause}
        onClick={() => run((c) => c.insertClauseAfter())}
        testId="insert-clause"
      />
      <StructureButton
        title={t('structure.toolbar.subclauseHint')}
        icon={<SubnodeOutlined />}
        text={t('structure.toolbar.subclause')}
        disabled={disabled || !can.subclause}
        onClick={() => run((c) => c.insertSubclause())}
        testId="insert-subclause"
      />
      <InsertMenu
        disabled={disabled}
        available={{ term: can.term, reference: can.reference, table: can.table, figure: can.figure, note: can.note }}
        onAction={onInsert}
      />
      <StructureButton
        title={t('structure.toolbar.crossRefHint')}
        icon={<LinkOutlined />}
        text={t('structure.toolbar.crossRef')}
        disabled={disabled || !can.crossRef}
        onClick={() => setPicker(true)}
        testId="insert-crossref"
      />
      <IndicatorLinkButton editor={editor} disabled={disabled} external={external} />
      <Divider orientation="vertical" />
      <ListStyleSelect value={can.listStyle} disabled={disabled} onChange={setListStyle} />
      <SectionKindSelect
        chapterRole={can.chapterRole}
        annexType={can.annexType}
        showRoles={kind === 'standard'}
        disabled={disabled}
        onRole={setChapterRole}
        onAnnexType={setAnnexType}
      />
      {can.inReferences ? (
        <StructureButton
          title={t('structure.toolbar.sortReferencesHint')}
          icon={<SortAscendingOutlined />}
          text={t('structure.toolbar.sortReferences')}
          disabled={disabled || !can.sortReferences}
          onClick={() => run((c) => c.sortReferences())}
          testId="sort-references"
        />
      ) : null}
      <Divider orientation="vertical" />
      <StructureButton
        title={t('structure.toolbar.moveUp')}
        icon={<ArrowUpOutlined />}
        disabled={disabled || !can.moveUp}
        onClick={() => run((c) => c.moveSectionUp())}
        testId="move-section-up"
      />
      <StructureButton
        title={t('structure.toolbar.moveDown')}
        icon={<ArrowDownOutlined />}
        disabled={disabled || !can.moveDown}
        onClick={() => run((c) => c.moveSectionDown())}
        testId="move-section-down"
      />
      <StructureButton
        title={`${t('structure.toolbar.promote')}：${t('structure.toolbar.promoteHint')}`}
        icon={<MenuFoldOutlined />}
        disabled={disabled || !can.promote}
        onClick={() => run((c) => c.promoteClause())}
        testId="promote-clause"
      />
      <StructureButton
        title={`${t('structure.toolbar.demote')}：${t('structure.toolbar.demoteHint')}`}
        icon={<MenuUnfoldOutlined />}
        disabled={disabled || !can.demote}
        onClick={() => run((c) => c.demoteClause())}
        testId="demote-clause"
      />
      <DeleteSectionButton editor={editor} disabled={disabled || !can.deleteSection} onDone={() => refocus(editor)} />
      {picker ? (
        <CrossRefDialog
          editor={editor}
          external={external}
          onPick={pickTarget}
          onClose={() => {
            setPicker(false);
            refocus(editor);
          }}
        />
      ) : null}
      <TableBlockModal
        open={tableModal}
        onInsert={insertTable}
        onClose={() => {
          setTableModal(false);
          refocus(editor);
        }}
      />
    </div>
  );
}
