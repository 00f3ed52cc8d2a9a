/** The arguments of the backup and restore commands: `<file> [--data-dir <dir>]`, DATA_DIR as the server reads it. */
import { resolve } from 'node:path';

export interface DataDirCommand {
  file: string;
  dataDir: string;
}

export function parseDataDirCommand(args: string[], usage: string): DataDirCommand {
  let file: string | null = null;
  let dataDir = process.env.DATA_DIR ?? './data';
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--data-dir' && args[i + 1]) dataDir = args[++i]!;
    else if (!arg.startsWith('-') && file === null) file = arg;
    else {
      process.stderr.write(`Unexpected argument ${arg}\nUsage: ${usage}\n`);
      process.exit(2);
    }
  }
  if (!file) {
    process.stderr.write(`Usage: ${usage}\n`);
    process.exit(2);
  }
  return { file, dataDir: resolve(dataDir) };
}
