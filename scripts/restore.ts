/**
 * `npm run restore -- <file> [--data-dir <dir>]`: brings a backup made by `npm run backup` back into
 * an empty (or new) data dir (DATA_DIR, default ./data). Every file is checked against the
 * archive's manifest before anything is put in place; a data dir that is not empty is refused.
 */
import { resolve } from 'node:path';
import { restoreBackup } from './lib/backupArchive.js';
import { parseDataDirCommand } from './lib/dataDirCommand.js';

const command = parseDataDirCommand(process.argv.slice(2), 'npm run restore -- <file.tar.gz> [--data-dir <dir>]');
try {
  const summary = await restoreBackup(resolve(command.file), command.dataDir);
  process.stdout.write(
    `Restored the backup of ${summary.createdAt} into ${summary.dataDir}: ${summary.files} files, ${summary.bytes} bytes.\n`,
  );
} catch (error) {
  process.stderr.write(`Restore failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
