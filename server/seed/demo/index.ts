/**
 * Everything the seeder needs to fill a fresh data directory with the demo: organizations (by
 * key), users (by email, with the shared demo password) and projects (with members and the initial
 * content of each document). The seeder assigns ids, hashes passwords and writes the documents.
 */
export { DEMO_PASSWORD, demoUsers, demoUser, type DemoUser } from './users.js';
export {
  DEMO_ORGANIZATION_KEYS,
  demoOrganizations,
  demoOrganization,
  type DemoOrganization,
  type DemoOrganizationKey,
} from './organizations.js';
export { demoProjects, type DemoProject, type DemoProjectMember } from './projects.js';
