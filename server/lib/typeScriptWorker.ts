/**
 * Starts a worker thread on a TypeScript entry. The worker loads our TypeScript through tsx's loader,
 * registered in the worker itself, so it runs the same way under `npm start`, the tests and the
 * benchmarks (none of them compiles the server ahead of time).
 */
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The file URL of tsx's ESM registration API (its `import` export), read from tsx's package.json. */
function tsxEsmApiUrl(): string {
  const require = createRequire(import.meta.url);
  const manifestPath = require.resolve('tsx/package.json');
  const manifest = require(manifestPath) as { exports: Record<string, { import?: { default?: string } } | string> };
  const entry = manifest.exports['./esm/api'];
  const target = typeof entry === 'object' ? entry.import?.default : undefined;
  if (!target) throw new Error('tsx has no ./esm/api import entry');
  return pathToFileURL(join(dirname(manifestPath), target)).href;
}

/** A script for the worker: registers tsx, then loads the TypeScript entry. */
function bootstrap(entry: URL): string {
  return `import(${JSON.stringify(tsxEsmApiUrl())}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`;
}

/**
 * A worker thread running the TypeScript module `entry` (e.g. `new URL('./myWorker.ts', import.meta.url)`).
 * It does not keep the process alive (unref'd); the caller terminates it.
 */
export function startTypeScriptWorker(entry: URL): Worker {
  const worker = new Worker(bootstrap(entry), { eval: true, execArgv: [] });
  worker.unref();
  return worker;
}
