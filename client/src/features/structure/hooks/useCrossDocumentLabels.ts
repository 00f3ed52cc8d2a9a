import { useEffect } from 'react';
import type { Editor } from '@tiptap/react';
import type { ProjectDocument } from '../../../../../shared/domain/project';
import { setExternalLabels } from '../extensions/externalCrossRefLabels';
import type { ExternalLabels } from '../extensions/externalCrossRefLabels';
import { useExternalNumbering } from './useExternalNumbering';
import type { ExternalNumbering } from './useExternalNumbering';

/**
 * Keeps the editor's cross-document references labelled with the standard text's current numbers
 * (drafting explanation, application report); returns that numbering for the cross-reference picker.
 */
export function useCrossDocumentLabels(editor: Editor, document: ProjectDocument, documents: readonly ProjectDocument[]): ExternalNumbering | null {
  const external = useExternalNumbering(document, documents);
  useEffect(() => {
    if (!external) return;
    const labels: Record<string, string> = {};
    for (const [id, item] of Object.entries(external.numbering.byId)) labels[id] = item.label;
    setExternalLabels(editor, labels satisfies ExternalLabels);
  }, [editor, external]);
  return external;
}
