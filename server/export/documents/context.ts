/** What the block renderers share while one document is rendered. */
import type { Paragraph, Table } from 'docx';
import type { ProseMirrorJSON } from '@shared/editor/json.js';
import type { DraftingCredits } from '@shared/domain/draftingCredits.js';
import type { Contents } from './contents.js';
import type { NodeLabels } from './labels.js';
import type { ReferenceLabels } from './references.js';

/** A block of the body: a paragraph or a table. */
export type Block = Paragraph | Table;

/** Where blocks are rendered. */
export interface BlockScope {
  /** The left indent of the blocks in twips (list items nest). */
  indent: number;
  /** Inside a table cell: 小五号, no first-line indent. */
  inTable: boolean;
}

export const BODY_SCOPE: BlockScope = { indent: 0, inTable: false };

export interface RenderContext {
  labels: NodeLabels;
  references: ReferenceLabels;
  /** The 目次's entries, collected while the body is rendered. */
  contents: Contents;
  /** The foreword's drafting credits (主要起草单位 …), generated from the drafting group. */
  credits: DraftingCredits;
  /** Renders blocks (any renderer's children go through here). */
  blocks(nodes: readonly ProseMirrorJSON[] | undefined, scope: BlockScope): Block[];
}
