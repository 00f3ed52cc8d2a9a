/**
 * `npm start`: runs the server with settings from the environment. SIGINT/SIGTERM store everything
 * before exit; a shutdown that takes longer than SHUTDOWN_TIMEOUT_MS (default 10 s), or a second
 * signal while shutting down, exits at once with a non-zero code.
 */
import { configFromEnv } from './config.js';
import { startServer } from './app.js';

const DEFAULT_SHUTDOWN_TIMEOUT_MS = 10_000;

function shutdownTimeoutMs(): number {
  const value = Number(process.env.SHUTDOWN_TIMEOUT_MS ?? DEFAULT_SHUTDOWN_TIMEOUT_MS);
  return Number.isFinite(value) && value >= 0 ? value : DEFAULT_SHUTDOWN_TIMEOUT_MS;
}

const config = configFromEnv();
const running = await startServer(config);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) {
      running.services.log.error({ signal }, 'second signal during shutdown; exiting without waiting for it to finish');
      process.exit(1);
    }
    stopping = true;
    const timeoutMs = shutdownTimeoutMs();
    const timer = setTimeout(() => {
      running.services.log.error({ timeoutMs }, 'shutdown did not finish in time; exiting without waiting for it');
      process.exit(1);
    }, timeoutMs);
    running
      .close()
      .then(() => {
        clearTimeout(timer);
        process.exit(0);
      })
      .catch((error: unknown) => {
        running.services.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      });
  });
}

// Announced only once the signal handlers are in place, so whoever waits for this line may signal at once.
if (running.seeded.length > 0) {
  const lines = running.seeded.map((a) => `  ${a.email.padEnd(24)} ${a.password}   ${a.description}`);
  process.stdout.write(`\nDemo data created. Demo accounts (email, password, who):\n${lines.join('\n')}\n`);
}
process.stdout.write(`\n浙江制造标准协同起草平台 is running: ${running.url}\n\n`);
