/**
 * What the node views of the standard's structure need from the workspace (they are rendered by
 * TipTap inside the editor, below this provider): the project (for the drafting group), or the credits
 * frozen with a snapshot.
 */
import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';
import type { DraftingCredits } from '@shared/domain/draftingCredits';

export interface StructureContextValue {
  projectId: string;
  /** Credits frozen with a document version (the 征求意见稿): shown instead of the live group's. */
  frozenCredits?: DraftingCredits | null;
}

const StructureContext = createContext<StructureContextValue | null>(null);

export function StructureProvider({ value, children }: { value: StructureContextValue; children: ReactNode }) {
  return <StructureContext.Provider value={value}>{children}</StructureContext.Provider>;
}

/** The workspace's structure context, or null outside a workspace (e.g. a preview). */
export function useStructureContext(): StructureContextValue | null {
  return useContext(StructureContext);
}
