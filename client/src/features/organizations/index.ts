/** The organizations feature's public entry: the organization list, its form options and API. */
export { organizationsApi } from './api/organizationsApi';
export { useOrganizationOptions } from './hooks/useOrganizationOptions';
export { useOrganizations } from './hooks/useOrganizations';
export type { Organizations } from './hooks/useOrganizations';
