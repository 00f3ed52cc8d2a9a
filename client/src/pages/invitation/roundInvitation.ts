import type { RoundInvitationInfo } from '@shared/api/consultation';
import { consultationApi } from '../../features/consultation/api/consultationApi';
import { roundPath } from '../../features/consultation/lib/paths';
import type { InvitationSource } from './invitationSource';

/**
 * /round-invite/:token — the contact of a consulted unit outside the drafting group sets up an
 * account of their unit and lands on the round to enter its comments.
 */
export const roundInvitation: InvitationSource<RoundInvitationInfo> = {
  load: (token, signal) => consultationApi.invitation(token, signal),
  accept: async (token, body) => {
    const response = await consultationApi.acceptInvitation(token, body);
    return { user: response.user, next: roundPath(response.projectId, response.roundId) };
  },
  title: (t) => t('consultation.invite.acceptTitle'),
  intro: (info, t) =>
    t('consultation.invite.acceptIntro', {
      unit: info.unitName,
      standard: info.standardName,
      round: info.roundTitle,
      deadline: info.deadline,
    }),
  testIdPrefix: 'round-invite',
  cardTestId: 'round-invite-page',
};
