import { startTransition, useEffect, useState } from 'react';
import { CONTENT_FIELD } from '@shared/editor/extensions';
import type { CollaborationSession } from '../lib/CollaborationSession';

/** Without a server (offline, or a server that does not answer), the panels come after this long. */
const FALLBACK_MS = 1500;

/**
 * Whether the document's text has been drawn once: after the first sync with the server (or with
 * a non-empty offline copy) and the frame that showed it. The workspace mounts the panels beside the
 * text (outline, checker, comments, history, versions) only then, as an interruptible update, so
 * that opening a large standard draws its text first instead of after every panel's first render.
 * The panels have fixed widths: nothing in the text moves when they come.
 */
export function useTextShown(session: CollaborationSession): boolean {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (shown) return undefined;
    let cancelled = false;
    let frame = 0;
    let task: ReturnType<typeof setTimeout> | undefined;
    const show = () => {
      if (cancelled || frame !== 0) return;
      // The frame that draws the text, then a task of its own for the panels.
      frame = requestAnimationFrame(() => {
        task = setTimeout(() => {
          if (!cancelled) startTransition(() => setShown(true));
        }, 0);
      });
    };
    const onSync = (synced: boolean) => {
      if (synced) show();
    };
    if (session.provider.synced) show();
    session.provider.on('sync', onSync);
    session.persistence.whenSynced.then(
      () => {
        if (session.doc.getXmlFragment(CONTENT_FIELD).length > 0) show();
      },
      () => undefined,
    );
    const fallback = setTimeout(show, FALLBACK_MS);
    return () => {
      cancelled = true;
      cancelAnimationFrame(frame);
      clearTimeout(task);
      clearTimeout(fallback);
      session.provider.off('sync', onSync);
    };
  }, [session, shown]);
  return shown;
}
