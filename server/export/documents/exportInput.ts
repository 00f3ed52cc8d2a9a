/** What a document export is made from (see renderDocumentDocx.ts). */
import type { DraftingCredits } from '@shared/domain/draftingCredits.js';
import type { DocumentKind, Project } from '@shared/domain/project.js';
import type { ProseMirrorJSON } from '@shared/editor/json.js';
import type { StandardStage } from '@shared/editor/structure/names.js';

export interface DocumentExportInput {
  kind: DocumentKind;
  /** The document's content (live or a frozen version). */
  json: ProseMirrorJSON;
  /** The standard text (its cover, numbers and table values); the same as `json` for kind 'standard'. */
  standardJson: ProseMirrorJSON;
  /** The plan fields (standard name, publishing body …). */
  project: Project;
  /**
   * The stage printed on the cover (and the patent notice for 征求意见稿 and 送审稿); null for a
   * published standard, whose cover carries neither.
   */
  stageLabel: StandardStage | null;
  /** The foreword's credits (主要起草单位 …; the lead unit of the report title pages). */
  draftingCredits: DraftingCredits;
  /** The only time used inside the file (reproducible output). */
  generatedAt: Date;
}
