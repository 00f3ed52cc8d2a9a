/** Client routes of the consultation feature. */
export const roundPath = (projectId: string, roundId: string) =>
  `/projects/${encodeURIComponent(projectId)}/rounds/${encodeURIComponent(roundId)}`;

/** The project page with its 征求意见 tab open. */
export const projectRoundsPath = (projectId: string) => `/projects/${encodeURIComponent(projectId)}?tab=consultation`;

/** A document of the project opened at a node (chapter, clause, table …) by its stable id. */
export const documentNodePath = (documentId: string, nodeId: string) =>
  `/documents/${encodeURIComponent(documentId)}?node=${encodeURIComponent(nodeId)}`;
