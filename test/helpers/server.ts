/** Starts a real server (real files, real sockets) on a random port for a test. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../server/app.js';
import type { RunningServer, StartOptions } from '../../server/app.js';

export interface TestServer extends RunningServer {
  dataDir: string;
  /** Stops the server (flushing everything) and starts a new one on the same data dir and port. */
  restart(): Promise<TestServer>;
  /** Stops the server and deletes its data dir. */
  dispose(): Promise<void>;
}

export async function makeDataDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'zm-test-'));
}

export async function startTestServer(options: Partial<StartOptions> & { dataDir?: string } = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? (await makeDataDir());
  const running = await startServer({
    port: 0,
    host: '127.0.0.1',
    seedDemo: true,
    logLevel: 'silent',
    loginLimit: { points: 1000, durationSeconds: 60 },
    tokenLimit: { points: 1000, durationSeconds: 60 },
    // A client built elsewhere (`vite build --outDir …`), so parallel work does not share dist/.
    ...(process.env.TEST_CLIENT_DIR ? { clientDir: process.env.TEST_CLIENT_DIR } : {}),
    ...options,
    dataDir,
  });
  const server: TestServer = {
    ...running,
    dataDir,
    async restart() {
      await running.close();
      return startTestServer({ ...options, dataDir, port: running.port });
    },
    async dispose() {
      await running.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  return server;
}
