/**
 * `?node=<stable id>` in a document's URL (links from the consultation table): once the node is
 * in the synced text, the editor scrolls to it and marks it.
 */
import { useEffect } from 'react';
import type { Editor } from '@tiptap/react';
import { useSearchParams } from 'react-router';
import { findNodeById, revealNode } from '../../structure';

export function useNodeParam(editor: Editor | null): void {
  const [params] = useSearchParams();
  const nodeId = params.get('node');
  useEffect(() => {
    if (!editor || !nodeId) return;
    let done = false;
    const tryReveal = () => {
      if (done || editor.isDestroyed) return;
      const found = findNodeById(editor.state.doc, nodeId);
      if (!found) return;
      done = true;
      editor.off('update', tryReveal);
      requestAnimationFrame(() => revealNode(editor, found.pos));
    };
    // The text arrives with the first sync: wait for it if it is not there yet.
    editor.on('update', tryReveal);
    tryReveal();
    return () => {
      editor.off('update', tryReveal);
    };
  }, [editor, nodeId]);
}
