/**
 * Every collection of `MetadataSchema`, at run time (tools that copy or compare whole stores go
 * through them). The compiler keeps the list complete: a collection added to the schema and not here
 * is an error.
 */
import type { CollectionName } from './types.js';

const COLLECTIONS = {
  organizations: true,
  users: true,
  sessions: true,
  projects: true,
  members: true,
  invitations: true,
  audit: true,
  documentChecks: true,
  consultationRounds: true,
  consultationItems: true,
  consultationStats: true,
  consultationInvitations: true,
  commentThreads: true,
  comments: true,
  commentStats: true,
  documentVersions: true,
  documentRestores: true,
  submissions: true,
  productionChecks: true,
  stageLog: true,
  technicalReviews: true,
  reviewOpinions: true,
  reviewComments: true,
  publications: true,
  periodicReviews: true,
  projectActivity: true,
  packageJobs: true,
} satisfies Record<CollectionName, true>;

export const COLLECTION_NAMES = Object.keys(COLLECTIONS) as CollectionName[];

export function isCollectionName(name: string): name is CollectionName {
  return Object.hasOwn(COLLECTIONS, name);
}
