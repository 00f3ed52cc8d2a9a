import { useMemo } from 'react';
import type { DiffAuthor } from '@shared/api/versionDiff';
import { useApiQuery } from '../../../hooks/useApiQuery';
import { versionsApi } from '../api/versionsApi';

/** The difference between two states (version ids or `current`), with its authors by id. */
export function useVersionDiff(documentId: string, from: string, to: string) {
  const query = useApiQuery((signal) => versionsApi.diff(documentId, from, to, signal), [documentId, from, to]);
  const authors = useMemo(
    () => new Map<string, DiffAuthor>((query.data?.authors ?? []).map((author) => [author.id, author])),
    [query.data],
  );
  return { ...query, authors };
}
