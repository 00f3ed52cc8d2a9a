import { App } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import type { Editor } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import { sectionDeletionAt } from '@shared/editor/structure/index';
import { findNodeById } from '../lib/findNode';
import { StructureButton } from './StructureButton';

interface DeleteSectionButtonProps {
  editor: Editor;
  disabled: boolean;
  /** Hands the focus back to the text. */
  onDone: () => void;
}

/**
 * 删除条: deletes the clause around the caret (else the chapter or annex) with all its content, after
 * a confirmation that names it and says what goes with it (subclauses, cross-references that would
 * no longer resolve).
 */
export function DeleteSectionButton({ editor, disabled, onDone }: DeleteSectionButtonProps) {
  const { t } = useTranslation();
  const { modal } = App.useApp();

  const confirm = () => {
    const deletion = sectionDeletionAt(editor.state.doc, editor.state.selection);
    if (!deletion) return;
    const numbering = editor.storage.structureNumbering.numbering;
    const label = deletion.id ? (numbering.byId[deletion.id]?.label ?? '') : '';
    const kind = t(`structure.toolbar.deleteKinds.${deletion.type}`);
    const name = `${label}${deletion.title ? `“${deletion.title}”` : ''}` || kind;
    modal.confirm({
      title: t('structure.toolbar.deleteTitle', { name }),
      content: (
        <div data-testid="delete-section-confirm">
          <p>{t('structure.toolbar.deleteContent', { kind })}</p>
          {deletion.clauses > 0 ? <p>{t('structure.toolbar.deleteClauses', { count: deletion.clauses })}</p> : null}
          {deletion.incomingReferences > 0 ? (
            <p>{t('structure.toolbar.deleteReferences', { count: deletion.incomingReferences })}</p>
          ) : null}
        </div>
      ),
      okText: t('structure.toolbar.deleteOk'),
      okButtonProps: { danger: true },
      cancelText: t('app.cancel'),
      onOk: () => {
        // Delete what was confirmed, wherever co-editors' changes have moved it meanwhile.
        const target = deletion.id ? findNodeById(editor.state.doc, deletion.id) : null;
        if (deletion.id && !target) return onDone();
        const chain = editor.chain().focus();
        (target ? chain.setTextSelection(target.pos + 2) : chain).deleteSection().run();
        onDone();
      },
      onCancel: onDone,
    });
  };

  return (
    <StructureButton
      title={t('structure.toolbar.deleteSectionHint')}
      icon={<DeleteOutlined />}
      text={t('structure.toolbar.deleteSection')}
      disabled={disabled}
      onClick={confirm}
      testId="delete-section"
    />
  );
}
