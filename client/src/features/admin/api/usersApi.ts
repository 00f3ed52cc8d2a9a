import { http } from '../../../api/http';
import type { PublicUser } from '@shared/domain/user';
import type { CreateUserBody, UpdateUserBody } from '@shared/validation/requests';

export const usersApi = {
  list: (signal?: AbortSignal) => http.get<PublicUser[]>('/api/users', { signal }),
  create: (body: CreateUserBody) => http.post<PublicUser>('/api/users', body),
  update: (id: string, body: UpdateUserBody) => http.patch<PublicUser>(`/api/users/${encodeURIComponent(id)}`, body),
};
