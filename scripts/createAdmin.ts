/**
 * `npm run create-admin -- --email <email> --name <name> [--organization <id or name>
 * [--credit-code <code> --kind <kind> [--bureau-level <level>]]] [--phone <phone>] [--data-dir <dir>]`:
 * creates an administrator account in the store the server's settings name (STORAGE, DATABASE_URL,
 * REDIS_URL, DATA_DIR). The password is ADMIN_PASSWORD, or typed at the prompt (not echoed, asked
 * twice). Exit codes: 0 created, 1 failed, 2 refused (usage, invalid values, the email has an
 * account already, a server runs on the embedded data dir): nothing was written.
 */
import { resolve } from 'node:path';
import { configFromEnv } from '../server/config.js';
import { DomainError } from '../server/domain/errors.js';
import { CreateAdminRefused, createAdmin } from './lib/createAdmin.js';
import type { NewAdmin } from './lib/createAdmin.js';
import { readSecret } from './lib/readSecret.js';

const USAGE =
  'npm run create-admin -- --email <email> --name <name> [--organization <id or name> [--credit-code <统一社会信用代码> --kind <kind> [--bureau-level county|city|province]]] [--phone <phone>] [--data-dir <dir>]';

function refuse(message: string): never {
  process.stderr.write(`Refused: ${message}\nUsage: ${USAGE}\n`);
  process.exit(2);
}

const FLAGS = [
  '--email',
  '--name',
  '--phone',
  '--organization',
  '--credit-code',
  '--kind',
  '--bureau-level',
  '--data-dir',
];
const given = new Map<string, string>();
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  const flag = args[i]!;
  const value = args[i + 1];
  if (!FLAGS.includes(flag) || value === undefined) refuse(`unexpected argument ${flag}`);
  given.set(flag, value);
  i++;
}
const email = given.get('--email');
const name = given.get('--name');
if (!email || !name) refuse('--email and --name are required');

let settings: ReturnType<typeof configFromEnv>;
try {
  settings = configFromEnv();
} catch (error) {
  refuse(error instanceof Error ? error.message : String(error));
}
const dataDir = given.get('--data-dir');
if (dataDir) settings.dataDir = resolve(dataDir);

async function password(): Promise<string> {
  const fromEnv = process.env.ADMIN_PASSWORD;
  if (fromEnv) return fromEnv;
  const first = await readSecret(`Password for ${email}: `);
  if (!process.stdin.isTTY) return first;
  if ((await readSecret('Once more: ')) !== first) refuse('the two passwords differ');
  return first;
}

const creditCode = given.get('--credit-code');
const kind = given.get('--kind');
const bureauLevel = given.get('--bureau-level');
const phone = given.get('--phone');
const organization = given.get('--organization');
const admin: NewAdmin = {
  email,
  name,
  password: await password().catch((error: unknown) => refuse(error instanceof Error ? error.message : String(error))),
  ...(phone !== undefined ? { phone } : {}),
  ...(organization !== undefined ? { organization } : {}),
  newOrganization: {
    ...(creditCode !== undefined ? { creditCode } : {}),
    ...(kind !== undefined ? { kind } : {}),
    ...(bureauLevel !== undefined ? { bureauLevel } : {}),
  },
};

try {
  const created = await createAdmin(settings, admin);
  const where =
    created.storage === 'files'
      ? `in ${settings.dataDir}`
      : created.announced
        ? 'in PostgreSQL; the running instances were told through Redis'
        : 'in PostgreSQL (REDIS_URL is not set: an instance already running knows the account after its restart)';
  process.stdout.write(
    `${created.organizationCreated ? `Organization created: ${created.organization.name} (${created.organization.id})\n` : ''}` +
      `Administrator created ${where}: ${created.user.name} <${created.user.email}> (${created.user.id}), ${created.organization.name}\n`,
  );
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof CreateAdminRefused || (error instanceof DomainError && error.kind !== 'unavailable')) {
    process.stderr.write(`Refused: ${message}\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`Creating the administrator failed: ${message}\n`);
    process.exitCode = 1;
  }
}
