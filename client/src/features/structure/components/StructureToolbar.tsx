import { useMemo, useState } from 'react';
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

/** The buttons' icons, created once so that the memoized buttons see the same props. */
const ICONS = {
  clause: <PlusSquareOutlined />,
  subclause: <SubnodeOutlined />,
  crossRef: <LinkOutlined />,
  sortReferences: <SortAscendingOutlined />,
  moveUp: <ArrowUpOutlined />,
  moveDown: <ArrowDownOutlined />,
  promote: <MenuFoldOutlined />,
  demote: <MenuUnfoldOutlined />,
};

type ChainStep = (chain: ReturnType<Editor['chain']>) => ReturnType<Editor['chain']>;

/** Runs a structure command at the caret, as every button does. */
function runCommand(editor: Editor, command: ChainStep): void {
  command(editor.chain().focus()).run();
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

  const run = (command: ChainStep) => runCommand(editor, command);
  // Stable per editor, so a change of the command state re-renders only the buttons it concerns.
  const commands = useMemo(() => {
    const runner = (command: ChainStep) => () => runCommand(editor, command);
    return {
      clause: runner((c) => c.insertClauseAfter()),
      subclause: runner((c) => c.insertSubclause()),
      crossRef: () => setPicker(true),
      sortReferences: runner((c) => c.sortReferences()),
      moveUp: runner((c) => c.moveSectionUp()),
      moveDown: runner((c) => c.moveSectionDown()),
      promote: runner((c) => c.promoteClause()),
      demote: runner((c) => c.demoteClause()),
      setListStyle: (style: ListStyle) => {
        runCommand(editor, (c) => c.setListStyle(style));
        refocus(editor);
      },
      setChapterRole: (role: ChapterRole) => {
        runCommand(editor, (c) => c.setChapterRole(role));
        refocus(editor);
      },
      setAnnexType: (type: AnnexType) => {
        runCommand(editor, (c) => c.setAnnexType(type));
        refocus(editor);
      },
    };
  }, [editor]);

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

  return (
    <div
      className="structure-toolbar"
      role="toolbar"
      aria-label={t('structure.toolbar.label')}
      data-testid="structure-toolbar"
    >
      <StructureButton
        title={t('structure.toolbar.clauseHint')}
        icon={ICONS.clause}
        text={t('structure.toolbar.clause')}
        disabled={disabled || !can.clause}
        onClick={commands.clause}
        testId="insert-clause"
      />
      <StructureButton
        title={t('structure.toolbar.subclauseHint')}
        icon={ICONS.subclause}
        text={t('structure.toolbar.subclause')}
        disabled={disabled || !can.subclause}
        onClick={commands.subclause}
        testId="insert-subclause"
      />
      <InsertMenu
        disabled={disabled}
        available={{ term: can.term, reference: can.reference, table: can.table, figure: can.figure, note: can.note }}
        onAction={onInsert}
      />
      <StructureButton
        title={t('structure.toolbar.crossRefHint')}
        icon={ICONS.crossRef}
        text={t('structure.toolbar.crossRef')}
        disabled={disabled || !can.crossRef}
        onClick={commands.crossRef}
        testId="insert-crossref"
      />
      <IndicatorLinkButton editor={editor} disabled={disabled} external={external} />
      <Divider orientation="vertical" />
      <ListStyleSelect value={can.listStyle} disabled={disabled} onChange={commands.setListStyle} />
      <SectionKindSelect
        chapterRole={can.chapterRole}
        annexType={can.annexType}
        showRoles={kind === 'standard'}
        disabled={disabled}
        onRole={commands.setChapterRole}
        onAnnexType={commands.setAnnexType}
      />
      {can.inReferences ? (
        <StructureButton
          title={t('structure.toolbar.sortReferencesHint')}
          icon={ICONS.sortReferences}
          text={t('structure.toolbar.sortReferences')}
          disabled={disabled || !can.sortReferences}
          onClick={commands.sortReferences}
          testId="sort-references"
        />
      ) : null}
      <Divider orientation="vertical" />
      <StructureButton
        title={t('structure.toolbar.moveUp')}
        icon={ICONS.moveUp}
        disabled={disabled || !can.moveUp}
        onClick={commands.moveUp}
        testId="move-section-up"
      />
      <StructureButton
        title={t('structure.toolbar.moveDown')}
        icon={ICONS.moveDown}
        disabled={disabled || !can.moveDown}
        onClick={commands.moveDown}
        testId="move-section-down"
      />
      <StructureButton
        title={`${t('structure.toolbar.promote')}：${t('structure.toolbar.promoteHint')}`}
        icon={ICONS.promote}
        disabled={disabled || !can.promote}
        onClick={commands.promote}
        testId="promote-clause"
      />
      <StructureButton
        title={`${t('structure.toolbar.demote')}：${t('structure.toolbar.demoteHint')}`}
        icon={ICONS.demote}
        disabled={disabled || !can.demote}
        onClick={commands.demote}
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
