/** The numbering plugin's key and state (structureNumbering.ts), apart so the widgets can read it. */
import { PluginKey } from '@tiptap/pm/state';
import type { DecorationSet } from '@tiptap/pm/view';
import type { Node as PMNode } from '@tiptap/pm/model';
import type { Numbering } from './numberingTypes.js';

export interface NumberingPluginState {
  doc: PMNode;
  numbering: Numbering;
  /** Built on first use (the server never asks for decorations), then mapped through text edits. */
  decorations: DecorationSet | null;
}

export const structureNumberingPluginKey = new PluginKey<NumberingPluginState>('structureNumbering');
