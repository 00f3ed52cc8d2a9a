/** `annex`: lettered 附录A, 附录B … in document order, normative (规范性) or informative (资料性). */
import { Node } from '@tiptap/core';
import { ANNEX_TYPES, NODE } from './names.js';
import type { AnnexType } from './names.js';
import { idAttribute, stringAttribute } from './attributes.js';
import { numberedSectionSpec } from './nodeSpecs.js';
import { insertAnnex } from './commands/sectionCommands.js';
import { setAnnexType } from './commands/sectionEditCommands.js';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    annex: {
      /** Inserts an annex after the current/last annex (before the bibliography). */
      insertAnnex: (normative?: AnnexType) => ReturnType;
      /** Makes the annex around the cursor normative (规范性) or informative (资料性). */
      setAnnexType: (normative: AnnexType) => ReturnType;
    };
  }
}

export const Annex = Node.create({
  ...numberedSectionSpec(NODE.annex, 'gb-annex'),

  addAttributes() {
    return {
      id: idAttribute(),
      normative: stringAttribute('normative', 'normative', ANNEX_TYPES),
    };
  },

  addCommands() {
    return {
      insertAnnex: (normative?: AnnexType) => insertAnnex(normative),
      setAnnexType: (normative: AnnexType) => setAnnexType(normative),
    };
  },
});
