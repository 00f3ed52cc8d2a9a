import type { TFunction } from 'i18next';
import type { PublicUser } from '@shared/domain/user';
import type { AcceptInvitationBody } from '@shared/validation/requests';

/** What every invitation shows before the account is set up. */
export interface InvitationDetails {
  /** The invited address; the account is created for it. */
  email: string;
}

/**
 * Where an invitation comes from (a drafting group, a consultation round): how it is fetched and
 * accepted, its texts, and where the new user lands. The accept page is the same for every source.
 */
export interface InvitationSource<Info extends InvitationDetails> {
  /** Fetches the invitation by its token (404, 410, 400: no longer valid). */
  load: (token: string, signal: AbortSignal) => Promise<Info>;
  /** Creates the account (signed in as the new user) and says where to go next. */
  accept: (token: string, body: AcceptInvitationBody) => Promise<{ user: PublicUser; next: string }>;
  title: (t: TFunction) => string;
  /** Who invites whom to what. */
  intro: (info: Info, t: TFunction) => string;
  /** Prefix of the account fields' test ids. */
  testIdPrefix: string;
  /** Test id of the card, if any. */
  cardTestId?: string;
}
