import type { Logger } from '../logger.js';
import type { ConnectionContext, Extension, OnAuthenticatePayload } from './hooks.js';

type HookName = Exclude<keyof Extension, 'name' | 'priority' | 'onAuthenticate'>;
type PayloadOf<K extends HookName> = Parameters<NonNullable<Extension[K]>>[0];

/** Runs the extensions' hooks in priority order. */
export class HookPipeline {
  private readonly extensions: Extension[];

  constructor(
    extensions: Extension[],
    private readonly log: Logger,
  ) {
    this.extensions = [...extensions].sort((a, b) => (a.priority ?? 100) - (b.priority ?? 100));
  }

  /** Awaits each extension's hook in turn; the first error stops the chain and is thrown. */
  async run<K extends HookName>(
    hook: K,
    ...payload: PayloadOf<K> extends undefined ? [] : [PayloadOf<K>]
  ): Promise<void> {
    for (const extension of this.extensions) {
      const fn = extension[hook] as ((p?: PayloadOf<K>) => unknown) | undefined;
      if (fn) await fn.call(extension, payload[0]);
    }
  }

  /**
   * Calls a hook on every extension without waiting for it (used for onChange, which runs for every
   * keystroke and must not hold up broadcasting). Errors are logged.
   */
  fire<K extends HookName>(hook: K, payload: PayloadOf<K>): void {
    for (const extension of this.extensions) {
      const fn = extension[hook] as ((p: PayloadOf<K>) => unknown) | undefined;
      if (!fn) continue;
      try {
        const result = fn.call(extension, payload);
        if (result instanceof Promise) {
          result.catch((error: unknown) =>
            this.log.error({ err: error, extension: extension.name, hook }, 'hook failed'),
          );
        }
      } catch (error) {
        this.log.error({ err: error, extension: extension.name, hook }, 'hook failed');
      }
    }
  }

  /** Whether any extension implements `hook` (to skip building a payload nobody reads). */
  handles(hook: HookName): boolean {
    return this.extensions.some((extension) => extension[hook] !== undefined);
  }

  /** Asks each extension in turn; the first context returned authorizes the connection. */
  async authenticate(payload: OnAuthenticatePayload): Promise<ConnectionContext | null> {
    for (const extension of this.extensions) {
      if (!extension.onAuthenticate) continue;
      const context = await extension.onAuthenticate(payload);
      if (context) return context;
    }
    return null;
  }
}
