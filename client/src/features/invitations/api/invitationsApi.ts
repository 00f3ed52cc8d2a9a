import { http } from '../../../api/http';
import type { InvitationInfo, LoginResponse } from '@shared/api/types';
import type { AcceptInvitationBody } from '@shared/validation/requests';

const base = (token: string) => `/api/invitations/${encodeURIComponent(token)}`;

export const invitationsApi = {
  get: (token: string, signal?: AbortSignal) =>
    http.get<InvitationInfo>(base(token), { signal, quietUnauthenticated: true }),
  accept: (token: string, body: AcceptInvitationBody) =>
    http.post<LoginResponse>(`${base(token)}/accept`, body, { quietUnauthenticated: true }),
};
