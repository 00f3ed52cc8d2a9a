import { useEffect, useState } from 'react';
import { CollaborationSession } from '../lib/CollaborationSession';

/**
 * Opens the collaboration session of a document for the signed-in user and closes it when the
 * document or the user changes or the page unmounts. Created in an effect (not during render) so
 * that React's double-invoked effects in development never leave a second connection behind.
 */
export function useCollaborationSession(documentId: string | null, userId: string): CollaborationSession | null {
  const [session, setSession] = useState<CollaborationSession | null>(null);
  useEffect(() => {
    if (!documentId) return undefined;
    const created = new CollaborationSession(documentId, userId);
    setSession(created);
    return () => {
      setSession(null);
      created.destroy();
    };
  }, [documentId, userId]);
  return session;
}
