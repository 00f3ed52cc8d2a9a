import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { yTiptapMappedIdentity } from './scripts/vite/yTiptapMappedIdentity.js';

const serverPort = Number(process.env.PORT ?? 8787);

/**
 * Test files that run purely in-process: no server, browser, child process, database, temporary
 * directory or clock. They run first, two at a time (a new file runs alone by default: add it here
 * only when it needs none of those).
 */
const UNIT_TESTS = [
  'test/checker/**/*.test.ts',
  'test/editor/**/*.test.ts',
  'test/lib/**/*.test.ts',
  'test/templates/**/*.test.ts',
  'test/indicators/**/*.test.ts',
  'test/history/attribution.test.ts',
  'test/history/itemRanges.test.ts',
  'test/versions/diffPrepare.test.ts',
  'test/versions/liveMemo.test.ts',
  'test/workflow/rules.test.ts',
  'test/comments/mentions.test.ts',
  'test/consultation/summary.test.ts',
  'test/reviews/reviewRecord.test.ts',
  'test/realtime/projectEventStream.test.ts',
  'test/export/documentRender.test.ts',
  'test/storage/postgresConfig.test.ts',
  'test/instances/redisConfig.test.ts',
];

/** Test files that drive Chromium. */
const BROWSER_TESTS = [
  'test/browser/**/*.test.ts',
  'test/comments/commentsBrowser.test.ts',
  'test/durability/diskFailure.test.ts',
  'test/security/csp.test.ts',
];

/**
 * Test files that run within the test worker only, with servers (startTestServer), temporary
 * directories or timers, but no browser, child process, database or worker thread. They run two at a
 * time in two reused workers, which saves a fork and a fresh import of the server per file; each file
 * still starts and disposes its own servers, ports and directories.
 */
const IN_PROCESS_TESTS = [
  'test/accounts/draftingGroupEvents.test.ts',
  'test/accounts/invitationFlow.test.ts',
  'test/accounts/liveAccess.test.ts',
  'test/accounts/loginLimit.test.ts',
  'test/accounts/memberRoles.test.ts',
  'test/accounts/planDates.test.ts',
  'test/api/permissions.test.ts',
  'test/comments/anchors.test.ts',
  'test/comments/commentsApi.test.ts',
  'test/comments/reanchor.test.ts',
  'test/comments/statsHotPath.test.ts',
  'test/consultation/exportImport.test.ts',
  'test/consultation/outsideUnit.test.ts',
  'test/consultation/roundFlow.test.ts',
  'test/consultation/snapshot.test.ts',
  'test/export/documentDocx.test.ts',
  'test/export/package.test.ts',
  'test/export/packageJobLost.test.ts',
  'test/history/historyApi.test.ts',
  'test/history/historyIndex.test.ts',
  'test/protocol/access.test.ts',
  'test/protocol/collaboration.test.ts',
  'test/protocol/documentCheckedHook.test.ts',
  'test/protocol/idleDocuments.test.ts',
  'test/protocol/robustness.test.ts',
  'test/protocol/structure.test.ts',
  'test/reviews/expertInvitation.test.ts',
  'test/reviews/publishedCover.test.ts',
  'test/reviews/technicalReview.test.ts',
  'test/security/bodies.test.ts',
  'test/security/crossSite.test.ts',
  'test/security/rateLimits.test.ts',
  'test/security/responses.test.ts',
  'test/storage/fileDocumentStore.test.ts',
  'test/storage/metadataBatch.test.ts',
  'test/storage/metadataStore.test.ts',
  'test/versions/consultationLink.test.ts',
  'test/versions/diffRestore.test.ts',
  'test/versions/versions.test.ts',
  'test/workflow/dashboard.test.ts',
  'test/workflow/submissionPath.test.ts',
];

export default defineConfig({
  root: 'client',
  plugins: [react(), yTiptapMappedIdentity()],
  resolve: { alias: { '@shared': new URL('./shared', import.meta.url).pathname } },
  build: { outDir: '../dist/client', emptyOutDir: true, chunkSizeWarningLimit: 4000 },
  server: {
    port: 5173,
    proxy: {
      '/api': `http://127.0.0.1:${serverPort}`,
      '/collab': { target: `ws://127.0.0.1:${serverPort}`, ws: true },
    },
  },
  test: {
    root: '.',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    pool: 'forks',
    projects: [
      {
        // Pure in-process tests, run first, two files at a time in two reused workers (no fork and
        // no fresh import of the editor and checker per file).
        extends: true,
        test: {
          name: 'unit',
          include: UNIT_TESTS,
          fileParallelism: true,
          maxWorkers: 2,
          isolate: false,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'in-process',
          include: IN_PROCESS_TESTS,
          fileParallelism: true,
          maxWorkers: 2,
          isolate: false,
          sequence: { groupOrder: 1 },
        },
      },
      {
        // Files with child processes, databases or worker threads but no browser, each in a fresh
        // worker: with the in-process files, two files at a time (they mostly wait on their processes).
        extends: true,
        test: {
          name: 'processes',
          fileParallelism: true,
          maxWorkers: 2,
          include: ['test/**/*.test.ts'],
          exclude: [...UNIT_TESTS, ...IN_PROCESS_TESTS, ...BROWSER_TESTS],
          sequence: { groupOrder: 1 },
        },
      },
      {
        // Browser tests (Chromium): one file at a time, each in a fresh worker, with the machine to
        // themselves.
        extends: true,
        test: {
          name: 'browser',
          include: BROWSER_TESTS,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
