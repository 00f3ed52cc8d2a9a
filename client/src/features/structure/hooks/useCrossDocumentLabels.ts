import { useEffect } from 'react';
import type { Editor } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import type { ProjectDocument } from '@shared/domain/project';
import { indicatorValues } from '@shared/editor/structure/tableCells';
import { setExternalLabels } from '../extensions/externalCrossRefLabels';
import type { ExternalLabels } from '../extensions/externalCrossRefLabels';
import { useExternalNumbering } from './useExternalNumbering';
import type { ExternalNumbering } from './useExternalNumbering';

/**
 * Keeps the editor's cross-document references labelled with the standard text's current numbers and
 * its indicator links showing the current values (drafting explanation, application report); returns
 * that numbering and those tables for the pickers.
 */
export function useCrossDocumentLabels(
  editor: Editor,
  document: ProjectDocument,
  documents: readonly ProjectDocument[],
): ExternalNumbering | null {
  const { t } = useTranslation();
  const external = useExternalNumbering(document, documents);
  useEffect(() => {
    if (!external) return;
    const labels: Record<string, string> = {};
    for (const [id, item] of Object.entries(external.numbering.byId)) labels[id] = item.label;
    setExternalLabels(editor, {
      labels,
      values: indicatorValues(external.tables),
      missingText: t('structure.indicator.missing'),
    } satisfies ExternalLabels);
  }, [editor, external, t]);
  return external;
}
