/** Client routes of the consultation feature. */
export const roundPath = (projectId: string, roundId: string) => `/projects/${encodeURIComponent(projectId)}/rounds/${encodeURIComponent(roundId)}`;

/** The project page with its 征求意见 tab open. */
export const projectRoundsPath = (projectId: string) => `/projects/${encodeURIComponent(projectId)}?tab=consultation`;
