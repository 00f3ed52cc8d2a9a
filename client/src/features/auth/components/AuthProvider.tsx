import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import type { PublicUser } from '@shared/domain/user';
import type { LoginBody } from '@shared/validation/requests';
import { onUnauthenticated } from '../../../api/http';
import { isStatus } from '../../../lib/errors';
import { authApi } from '../api/authApi';
import { AuthContext } from '../hooks/useAuth';
import type { AuthState, AuthStatus } from '../hooks/useAuth';

/** How long to wait before asking again when the server cannot be reached. */
const RETRY_DELAY_MS = 3000;

/** Asks the server who is signed in (the session cookie is HttpOnly) and keeps the answer. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<AuthStatus>('loading');
  const [user, setUser] = useState<PublicUser | null>(null);
  const [expired, setExpired] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    let retry: number | undefined;
    const ask = (): void => {
      authApi.me(controller.signal).then(
        (response) => {
          setUser(response.user);
          setStatus('signed-in');
        },
        (error: unknown) => {
          if (controller.signal.aborted) return;
          if (isStatus(error, 401, 403)) {
            setUser(null);
            setStatus('signed-out');
            return;
          }
          // Server unreachable: try again shortly instead of pretending the user is signed out.
          retry = window.setTimeout(ask, RETRY_DELAY_MS);
        },
      );
    };
    ask();
    return () => {
      controller.abort();
      window.clearTimeout(retry);
    };
  }, []);

  const signedInRef = useRef(false);
  useEffect(() => {
    signedInRef.current = status === 'signed-in';
  }, [status]);

  const markSignedOut = useCallback(() => {
    if (signedInRef.current) setExpired(true);
    setUser(null);
    setStatus('signed-out');
  }, []);

  useEffect(() => onUnauthenticated(markSignedOut), [markSignedOut]);

  const signIn = useCallback(async (body: LoginBody) => {
    const response = await authApi.login(body);
    setUser(response.user);
    setExpired(false);
    setStatus('signed-in');
    return response.user;
  }, []);

  const signOut = useCallback(async () => {
    try {
      await authApi.logout();
    } catch (error) {
      // An expired session is signed out already; anything else (network) is reported to the caller.
      if (!isStatus(error, 401)) throw error;
    } finally {
      setUser(null);
      setExpired(false);
      setStatus('signed-out');
    }
  }, []);

  const adopt = useCallback((next: PublicUser) => {
    setUser(next);
    setExpired(false);
    setStatus('signed-in');
  }, []);

  const value = useMemo<AuthState>(
    () => ({ status, user, expired, signIn, signOut, adopt, markSignedOut }),
    [status, user, expired, signIn, signOut, adopt, markSignedOut],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
