import { http } from '../../../api/http';
import type { OrganizationView } from '@shared/api/types';
import type { OrganizationBody } from '@shared/validation/requests';

export const organizationsApi = {
  list: (signal?: AbortSignal) => http.get<OrganizationView[]>('/api/organizations', { signal }),
  create: (body: OrganizationBody) => http.post<OrganizationView>('/api/organizations', body),
  update: (id: string, body: OrganizationBody) =>
    http.patch<OrganizationView>(`/api/organizations/${encodeURIComponent(id)}`, body),
};
