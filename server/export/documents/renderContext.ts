/** The render context of one document: its labels, the reference labels, the 目次 being collected. */
import type { DraftingCredits } from '@shared/domain/draftingCredits.js';
import type { ProseMirrorJSON } from '@shared/editor/json.js';
import { computeNumbering } from '@shared/editor/structure/numbering.js';
import { renderBlocks } from './blocks.js';
import { Contents } from './contents.js';
import type { RenderContext } from './context.js';
import { nodeLabels } from './labels.js';
import { ReferenceLabels } from './references.js';

export function createRenderContext(
  json: ProseMirrorJSON,
  standardJson: ProseMirrorJSON,
  credits: DraftingCredits,
): RenderContext {
  const numbering = computeNumbering(json);
  const standardNumbering = standardJson === json ? numbering : computeNumbering(standardJson);
  const ctx: RenderContext = {
    labels: nodeLabels(json, numbering),
    references: new ReferenceLabels(numbering, { json: standardJson, numbering: standardNumbering }),
    contents: new Contents(),
    credits,
    blocks: (nodes, scope) => renderBlocks(nodes, ctx, scope),
  };
  return ctx;
}
