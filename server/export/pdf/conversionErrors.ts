/**
 * Why a PDF could not be made: LibreOffice is not installed (or the configured command does not
 * exist), the conversion took longer than its timeout and was killed, or LibreOffice ran and gave
 * no PDF (with what it printed). Callers show `message`; `reason` says which case it is.
 */
export type PdfFailureReason = 'missing' | 'timeout' | 'failed' | 'closed';

export abstract class PdfConversionError extends Error {
  abstract readonly reason: PdfFailureReason;
}

/** `soffice` (or the configured command) is not installed on the server. */
export class OfficeMissing extends PdfConversionError {
  readonly reason = 'missing';
  constructor(readonly command: string) {
    super(`LibreOffice is not installed on the server (command "${command}" not found)`);
  }
}

/** The conversion ran longer than the timeout; its processes were killed. */
export class ConversionTimedOut extends PdfConversionError {
  readonly reason = 'timeout';
  constructor(readonly timeoutMs: number) {
    super(`LibreOffice did not finish within ${Math.round(timeoutMs / 1000)} s and was stopped`);
  }
}

/** LibreOffice ran but produced no PDF; `output` is what it printed (stderr, then stdout). */
export class ConversionFailed extends PdfConversionError {
  readonly reason = 'failed';
  constructor(
    readonly exitCode: number | null,
    readonly output: string,
  ) {
    super(
      `LibreOffice produced no PDF (exit code ${exitCode ?? 'none'})${output.trim() ? `: ${output.trim().slice(0, 500)}` : ''}`,
    );
  }
}

/** The converter was closed (server shutdown) before the conversion ran or finished. */
export class ConverterClosed extends PdfConversionError {
  readonly reason = 'closed';
  constructor() {
    super('the PDF converter is closed (the server is shutting down)');
  }
}
