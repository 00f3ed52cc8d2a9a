import { useEffect, useMemo } from 'react';
import type { ProjectDocument } from '@shared/domain/project';
import type { Numbering } from '@shared/editor/structure/numberingTypes';
import { numberedTables } from '@shared/editor/structure/tableCells';
import type { NumberedTableView } from '@shared/editor/structure/tableCells';
import { useApiQuery } from '../../../hooks/useApiQuery';
import { documentContentApi } from '../api/documentContentApi';

/** How often the standard text's numbering is refreshed while another document is open. */
const REFRESH_MS = 15_000;

export interface ExternalNumbering {
  /** The standard text's document id. */
  documentId: string;
  numbering: Numbering;
  /** Its numbered tables with their cells, for the indicator links of the comparison table. */
  tables: NumberedTableView[];
}

/**
 * For the drafting explanation and the application report: the current numbering and tables of the
 * project's standard text, which their cross-document references (e.g. the comparison table's "本标准"
 * column pointing at requirement clauses and values) show. Refreshed periodically and when the window regains focus.
 * Null for the standard text itself, and until loaded.
 */
export function useExternalNumbering(
  document: ProjectDocument,
  documents: readonly ProjectDocument[],
): ExternalNumbering | null {
  const standardId = document.kind === 'standard' ? null : (documents.find((d) => d.kind === 'standard')?.id ?? null);
  const query = useApiQuery(
    (signal) => (standardId ? documentContentApi.get(standardId, signal) : Promise.resolve(null)),
    [standardId],
  );
  const { reload } = query;

  useEffect(() => {
    if (!standardId) return;
    const refresh = () => {
      if (window.document.visibilityState === 'visible') reload();
    };
    const timer = setInterval(refresh, REFRESH_MS);
    window.addEventListener('focus', refresh);
    return () => {
      clearInterval(timer);
      window.removeEventListener('focus', refresh);
    };
  }, [standardId, reload]);

  const data = query.data;
  return useMemo(
    () =>
      data && standardId
        ? {
            documentId: data.documentId,
            numbering: data.numbering,
            tables: numberedTables(data.content, data.numbering),
          }
        : null,
    [data, standardId],
  );
}
