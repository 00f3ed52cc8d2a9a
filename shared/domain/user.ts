/** A user as the API shows it: never with a password hash or a token. */
export interface PublicUser {
  id: string;
  name: string;
  email: string;
  phone: string;
  organizationId: string;
  organizationName: string;
  isAdmin: boolean;
  active: boolean;
}

/** The presence identity a client announces in awareness (`user` field). */
export interface PresenceUser {
  id: string;
  name: string;
  organization: string;
  color: string;
}
