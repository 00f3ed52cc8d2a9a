import type { InvitationInfo } from '@shared/api/types';
import { invitationsApi } from '../../features/invitations/api/invitationsApi';
import type { InvitationSource } from './invitationSource';

/** /invite/:token — an invitation to a project's drafting group; the new member lands on the project list. */
export const draftingGroupInvitation: InvitationSource<InvitationInfo> = {
  load: (token, signal) => invitationsApi.get(token, signal),
  accept: async (token, body) => {
    const response = await invitationsApi.accept(token, body);
    return { user: response.user, next: '/projects' };
  },
  title: (t) => t('invitation.title'),
  intro: (info, t) =>
    t('invitation.intro', {
      project: info.projectName,
      organization: info.organizationName,
      role: t(`enums.role.${info.role}`),
    }),
  testIdPrefix: 'invite-accept',
};
