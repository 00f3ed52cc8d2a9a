/**
 * `npm run backup -- <file> [--data-dir <dir>]`: a consistent archive (.tar.gz) of the data dir
 * (DATA_DIR, default ./data), taken while the server runs: the server holds its writes for the
 * moment it takes to link the files (see docs/architecture.md, "Backup").
 */
import { resolve } from 'node:path';
import { createBackup } from './lib/backupArchive.js';
import { parseDataDirCommand } from './lib/dataDirCommand.js';

const command = parseDataDirCommand(process.argv.slice(2), 'npm run backup -- <file.tar.gz> [--data-dir <dir>]');
try {
  const summary = await createBackup(command.dataDir, resolve(command.file));
  const how =
    summary.taken === 'server-paused'
      ? `the running server held its writes for ${summary.pauseMs} ms`
      : 'no server was running on it';
  process.stdout.write(
    `Backup of ${command.dataDir} written to ${summary.file}: ${summary.files} files, ${summary.bytes} bytes (${how}).\n`,
  );
} catch (error) {
  process.stderr.write(`Backup failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
