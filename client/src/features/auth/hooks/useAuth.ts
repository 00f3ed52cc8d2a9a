/** Who is signed in, shared by the whole app through `AuthProvider`. */
import { createContext, useContext } from 'react';
import type { PublicUser } from '@shared/domain/user';
import type { LoginBody } from '@shared/validation/requests';

export type AuthStatus = 'loading' | 'signed-in' | 'signed-out';

export interface AuthState {
  status: AuthStatus;
  user: PublicUser | null;
  /** True when the session ended on its own (expired, revoked) rather than by signing out. */
  expired: boolean;
  signIn: (body: LoginBody) => Promise<PublicUser>;
  signOut: () => Promise<void>;
  /** Adopts a user the server just signed in by other means (accepting an invitation). */
  adopt: (user: PublicUser) => void;
  /** Forgets the user locally (after the server closed the session, e.g. collaboration close code 4401). */
  markSignedOut: () => void;
}

export const AuthContext = createContext<AuthState | null>(null);

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth must be used inside <AuthProvider>');
  return state;
}

/** The signed-in user; only for components rendered behind `RequireAuth`. */
export function useCurrentUser(): PublicUser {
  const { user } = useAuth();
  if (!user) throw new Error('useCurrentUser must be used behind <RequireAuth>');
  return user;
}
