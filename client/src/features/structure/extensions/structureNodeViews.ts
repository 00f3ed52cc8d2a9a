/**
 * The browser's node views for the parts of a standard that are better as a form or generated than
 * as text: the cover, the contents, the drafting credits and figures; and for the sections, whose
 * numbers they show as attributes (sectionNodeView.ts). They are attached to the nodes of the one
 * shared extension list (same names, same schema) without adding new nodes.
 */
import { Node } from '@tiptap/core';
import type { AnyExtension } from '@tiptap/core';
import { ReactNodeViewRenderer } from '@tiptap/react';
import type { NodeViewRenderer } from '@tiptap/core';
import { NODE } from '@shared/editor/structure/names';
import { StandardCoverView } from '../nodeViews/cover/StandardCoverView';
import { TableOfContentsView } from '../nodeViews/TableOfContentsView';
import { DraftingCreditsView } from '../nodeViews/DraftingCreditsView';
import { FigureBlockView } from '../nodeViews/figure/FigureBlockView';
import { sectionNodeView } from './sectionNodeView';

/** Events inside a form or the image area are the node view's own (ProseMirror keeps out). */
const ownsEvent = ({ event }: { event: Event }): boolean => {
  const target = event.target;
  return target instanceof Element && target.closest('[data-node-view-owned]') !== null;
};

const NODE_VIEWS: Record<string, () => NodeViewRenderer> = {
  [NODE.standardCover]: () => ReactNodeViewRenderer(StandardCoverView, { stopEvent: () => true }),
  [NODE.tableOfContents]: () => ReactNodeViewRenderer(TableOfContentsView, { stopEvent: () => true }),
  [NODE.draftingCredits]: () => ReactNodeViewRenderer(DraftingCreditsView),
  [NODE.figureBlock]: () => ReactNodeViewRenderer(FigureBlockView, { stopEvent: ownsEvent }),
  [NODE.chapter]: sectionNodeView,
  [NODE.clause]: sectionNodeView,
  [NODE.annex]: sectionNodeView,
};

/** The shared list with the browser's node views attached. */
export function withStructureNodeViews(extensions: AnyExtension[]): AnyExtension[] {
  return extensions.map((extension) => {
    const view = NODE_VIEWS[extension.name];
    if (!view || !(extension instanceof Node)) return extension;
    return extension.extend({ addNodeView: view });
  });
}
