import { useState } from 'react';
import { FundViewOutlined } from '@ant-design/icons';
import type { Editor } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import type { ExternalNumbering } from '../hooks/useExternalNumbering';
import { IndicatorPicker } from './IndicatorPicker';
import { StructureButton } from './StructureButton';

interface IndicatorLinkButtonProps {
  editor: Editor;
  disabled: boolean;
  /** The standard text (null in the standard text itself: the button is not shown there). */
  external: ExternalNumbering | null;
}

/** 关联指标: inserts a value of the standard text's tables that follows every change there. */
export function IndicatorLinkButton({ editor, disabled, external }: IndicatorLinkButtonProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  if (!external) return null;

  const close = () => {
    setOpen(false);
    setTimeout(() => {
      if (!editor.isDestroyed) editor.commands.focus();
    }, 0);
  };

  const pick = (cellId: string) => {
    editor.chain().focus().insertIndicatorRef(cellId).run();
    close();
  };

  return (
    <>
      <StructureButton
        title={t('structure.indicator.hint')}
        icon={<FundViewOutlined />}
        text={t('structure.indicator.button')}
        disabled={disabled}
        onClick={() => setOpen(true)}
        testId="insert-indicator"
      />
      {open ? <IndicatorPicker open tables={external.tables} onPick={pick} onClose={close} /> : null}
    </>
  );
}
