/** The account an invitation creates when its person sets a password (drafting group or consultation). */
import type { AcceptInvitationBody } from '@shared/validation/requests.js';
import type { MetadataStore, UserRecord } from '../storage/types.js';
import { ApiProblem } from '../services/ApiProblem.js';
import { hashPassword } from './passwords.js';
import { newId } from './tokens.js';

/** A new user of the invitation's organization; refuses an e-mail that already has an account. */
export async function userFromInvitation(
  store: MetadataStore,
  invitation: { email: string; organizationId: string },
  body: AcceptInvitationBody,
): Promise<UserRecord> {
  if (store.collection('users').findOne({ email: invitation.email })) {
    throw new ApiProblem(409, 'an account with this email already exists; sign in instead');
  }
  return {
    id: newId('usr'),
    name: body.name,
    email: invitation.email,
    phone: body.phone,
    organizationId: invitation.organizationId,
    passwordHash: await hashPassword(body.password),
    isAdmin: false,
    active: true,
    createdAt: new Date().toISOString(),
  };
}
