/** `npm start`: runs the server with settings from the environment; SIGINT/SIGTERM store everything before exit. */
import { configFromEnv } from './config.js';
import { startServer } from './app.js';

const config = configFromEnv();
const running = await startServer(config);

if (running.seeded.length > 0) {
  const lines = running.seeded.map((a) => `  ${a.email.padEnd(24)} ${a.password}   ${a.description}`);
  process.stdout.write(`\nDemo data created. Demo accounts (email, password, who):\n${lines.join('\n')}\n`);
}
process.stdout.write(`\n浙江制造标准协同起草平台 is running: ${running.url}\n\n`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    running
      .close()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        process.stderr.write(`shutdown failed: ${String(error)}\n`);
        process.exit(1);
      });
  });
}
