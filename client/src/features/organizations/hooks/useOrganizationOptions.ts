import { useMemo } from 'react';
import type { OrganizationView } from '@shared/api/types';
import type { OrganizationKind } from '@shared/domain/organization';

export interface OrganizationOption {
  value: string;
  label: string;
}

/** Select options for organizations, optionally restricted to some kinds, sorted by name. */
export function useOrganizationOptions(
  list: OrganizationView[],
  kinds?: readonly OrganizationKind[],
): OrganizationOption[] {
  return useMemo(
    () =>
      list
        .filter((o) => !kinds || kinds.includes(o.kind))
        .map((o) => ({ value: o.id, label: o.name }))
        .sort((a, b) => a.label.localeCompare(b.label, 'zh-CN')),
    [list, kinds],
  );
}
