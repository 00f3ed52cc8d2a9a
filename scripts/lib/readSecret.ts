/**
 * Reads a secret from the terminal without echoing it (raw mode; Backspace erases, Ctrl-C or
 * Ctrl-D aborts). When stdin is not a terminal (a pipe), the first line is read as it is.
 */
import { createInterface } from 'node:readline';

const ENTER = new Set(['\r', '\n']);
const ABORT = new Set(['\u0003', '\u0004']);
const BACKSPACE = new Set(['\u007f', '\b']);

function readLine(): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: process.stdin, terminal: false });
    let answered = false;
    lines.once('line', (line) => {
      answered = true;
      lines.close();
      resolve(line);
    });
    lines.once('close', () => {
      if (!answered) reject(new Error('no password on standard input'));
    });
  });
}

/** Prints `prompt` to stderr and reads the secret typed after it. */
export function readSecret(prompt: string): Promise<string> {
  const input = process.stdin;
  if (!input.isTTY) return readLine();
  process.stderr.write(prompt);
  return new Promise((resolve, reject) => {
    let secret = '';
    const finish = (error: Error | null): void => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(secret);
    };
    const onData = (chunk: string): void => {
      for (const char of chunk) {
        if (ENTER.has(char) || ABORT.has(char)) {
          finish(ENTER.has(char) ? null : new Error('aborted'));
          return;
        }
        if (BACKSPACE.has(char)) secret = secret.slice(0, -1);
        else secret += char;
      }
    };
    input.setEncoding('utf8');
    input.setRawMode(true);
    input.resume();
    input.on('data', onData);
  });
}
