import { useMemo } from 'react';
import type { Editor } from '@tiptap/react';
import type { ExternalNumbering } from '../hooks/useExternalNumbering';
import { useNumbering } from '../hooks/useNumbering';
import { CrossRefPicker } from './CrossRefPicker';
import type { TargetSource } from './CrossRefPicker';

interface CrossRefDialogProps {
  editor: Editor;
  external: ExternalNumbering | null;
  onPick: (targetId: string) => void;
  onClose: () => void;
}

/** The picker over this document's live numbering and, where there is one, the standard text's. */
export function CrossRefDialog({ editor, external, onPick, onClose }: CrossRefDialogProps) {
  const numbering = useNumbering(editor);
  const sources = useMemo<TargetSource[]>(
    () => [
      { key: 'own', numbering },
      ...(external ? [{ key: 'standard' as const, numbering: external.numbering }] : []),
    ],
    [numbering, external],
  );
  return <CrossRefPicker open sources={sources} onPick={onPick} onClose={onClose} />;
}
