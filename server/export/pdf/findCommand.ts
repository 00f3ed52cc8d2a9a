/**
 * Whether a command can be run: a path (absolute or with a slash) must be an executable file; a bare
 * name is looked up in PATH, as the shell would. Used to tell "LibreOffice is not installed" apart
 * from a failed conversion before anything is started.
 */
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { delimiter, join } from 'node:path';

async function isExecutableFile(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** The full path of `command`, or null when it cannot be run. */
export async function findCommand(command: string, path = process.env.PATH ?? ''): Promise<string | null> {
  if (command.includes('/')) return (await isExecutableFile(command)) ? command : null;
  for (const dir of path.split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, command);
    if (await isExecutableFile(candidate)) return candidate;
  }
  return null;
}
