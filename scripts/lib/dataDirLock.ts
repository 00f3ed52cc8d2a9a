/**
 * Holds a data dir's lock for a command that must not run beside a server: the control socket
 * (server/backup/controlSocket.ts) that every server takes at start. While it is held no server
 * starts on the data dir; a server already running makes this refuse.
 */
import { ControlSocket, controlSocketPath, socketAnswers } from '../../server/backup/controlSocket.js';
import { createLogger } from '../../server/logger.js';
import { MigrationRefused } from './migrationRefused.js';

export interface DataDirLock {
  release(): Promise<void>;
}

export async function lockDataDir(dataDir: string, holder: string): Promise<DataDirLock> {
  const path = controlSocketPath(dataDir);
  if (await socketAnswers(path))
    throw new MigrationRefused(`a server is running on ${dataDir} (its control socket ${path} answers): stop it first`);
  const socket = await ControlSocket.listen(
    dataDir,
    { pause: () => Promise.reject(new Error(`${holder} is running on this data dir`)), resume: () => undefined },
    createLogger('silent'),
  );
  return { release: () => socket.close() };
}
