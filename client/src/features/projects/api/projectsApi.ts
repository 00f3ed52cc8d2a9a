import { http } from '../../../api/http';
import type {
  AuditView,
  InvitationView,
  InviteResponse,
  MemberView,
  ProjectDetailResponse,
  ProjectListItem,
} from '@shared/api/types';
import type { CreateProjectBody, InviteBody, UpdateMemberBody, UpdateProjectBody } from '@shared/validation/requests';

const project = (id: string) => `/api/projects/${encodeURIComponent(id)}`;

export const projectsApi = {
  list: (signal?: AbortSignal) => http.get<ProjectListItem[]>('/api/projects', { signal }),
  create: (body: CreateProjectBody) => http.post<ProjectListItem>('/api/projects', body),
  get: (id: string, signal?: AbortSignal) => http.get<ProjectDetailResponse>(project(id), { signal }),
  update: (id: string, body: UpdateProjectBody) => http.patch<ProjectListItem>(project(id), body),
  members: (id: string, signal?: AbortSignal) => http.get<MemberView[]>(`${project(id)}/members`, { signal }),
  updateMember: (id: string, userId: string, body: UpdateMemberBody) =>
    http.patch<MemberView>(`${project(id)}/members/${encodeURIComponent(userId)}`, body),
  removeMember: (id: string, userId: string) => http.delete(`${project(id)}/members/${encodeURIComponent(userId)}`),
  invitations: (id: string, signal?: AbortSignal) =>
    http.get<InvitationView[]>(`${project(id)}/invitations`, { signal }),
  invite: (id: string, body: InviteBody) => http.post<InviteResponse>(`${project(id)}/invitations`, body),
  revokeInvitation: (id: string, invitationId: string) =>
    http.delete(`${project(id)}/invitations/${encodeURIComponent(invitationId)}`),
  audit: (id: string, signal?: AbortSignal) => http.get<AuditView[]>(`${project(id)}/audit`, { signal }),
};
