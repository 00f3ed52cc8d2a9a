import { http } from '../../../api/http';
import type { LoginResponse, MeResponse } from '@shared/api/types';
import type { LoginBody } from '@shared/validation/requests';

export const authApi = {
  login: (body: LoginBody) => http.post<LoginResponse>('/api/auth/login', body, { quietUnauthenticated: true }),
  logout: () => http.post<void>('/api/auth/logout', undefined, { quietUnauthenticated: true }),
  me: (signal?: AbortSignal) => http.get<MeResponse>('/api/auth/me', { signal, quietUnauthenticated: true }),
};
