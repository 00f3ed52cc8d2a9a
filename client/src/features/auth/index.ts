/** The auth feature's public entry for other features: the signed-in session. */
export { useAuth, useCurrentUser } from './hooks/useAuth';
