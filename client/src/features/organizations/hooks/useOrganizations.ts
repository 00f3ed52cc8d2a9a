import { useMemo } from 'react';
import type { OrganizationView } from '@shared/api/types';
import { useApiQuery } from '../../../hooks/useApiQuery';
import type { ApiQuery } from '../../../hooks/useApiQuery';
import { organizationsApi } from '../api/organizationsApi';

export interface Organizations extends ApiQuery<OrganizationView[]> {
  list: OrganizationView[];
  byId: Map<string, OrganizationView>;
}

/** All organizations (GET /api/organizations), with a lookup by id. */
export function useOrganizations(): Organizations {
  const query = useApiQuery((signal) => organizationsApi.list(signal), []);
  const list = useMemo(() => query.data ?? [], [query.data]);
  const byId = useMemo(() => new Map(list.map((o) => [o.id, o])), [list]);
  return { ...query, list, byId };
}
