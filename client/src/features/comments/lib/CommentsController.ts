/**
 * The link between the editor side of comments (highlight clicks, the start button) and the
 * panel: created once per open document, before the editor, and handed to both.
 */
import type { NewThreadAnchor } from './editorAnchors';

type Listener<T> = (value: T) => void;

export class CommentsController {
  private readonly activateListeners = new Set<Listener<string>>();
  private readonly startListeners = new Set<Listener<NewThreadAnchor>>();

  /** A highlight in the text was clicked: focus its thread in the panel. */
  activate(threadId: string): void {
    for (const listener of this.activateListeners) listener(threadId);
  }

  onActivate(listener: Listener<string>): () => void {
    this.activateListeners.add(listener);
    return () => this.activateListeners.delete(listener);
  }

  /** The user asked to comment on the selected text: open the composer with its anchor. */
  start(anchor: NewThreadAnchor): void {
    for (const listener of this.startListeners) listener(anchor);
  }

  onStart(listener: Listener<NewThreadAnchor>): () => void {
    this.startListeners.add(listener);
    return () => this.startListeners.delete(listener);
  }
}
