import { useState } from 'react';
import type { AnyExtension } from '@tiptap/core';
import { CommentHighlights } from '../lib/commentHighlights';
import { CommentsController } from '../lib/CommentsController';

export interface CommentsSetup {
  controller: CommentsController;
  /** Client-only editor extensions (the highlights): add them to the browser editor only. */
  extensions: AnyExtension[];
}

/** Created once per mounted workspace, before the editor (whose extensions are fixed at creation). */
export function useCommentsController(): CommentsSetup {
  const [setup] = useState<CommentsSetup>(() => {
    const controller = new CommentsController();
    return {
      controller,
      extensions: [CommentHighlights.configure({ onActivate: (threadId) => controller.activate(threadId) })],
    };
  });
  return setup;
}
