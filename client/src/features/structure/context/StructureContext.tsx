/**
 * What the node views of the standard's structure need from the workspace (they are rendered by
 * TipTap inside the editor, below this provider): the project (for the drafting group).
 */
import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';

export interface StructureContextValue {
  projectId: string;
}

const StructureContext = createContext<StructureContextValue | null>(null);

export function StructureProvider({ value, children }: { value: StructureContextValue; children: ReactNode }) {
  return <StructureContext.Provider value={value}>{children}</StructureContext.Provider>;
}

/** The workspace's structure context, or null outside a workspace (e.g. a preview). */
export function useStructureContext(): StructureContextValue | null {
  return useContext(StructureContext);
}
