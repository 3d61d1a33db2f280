// The one error type a user can cause. The CLI prints its message (no stack) and exits
// with its code; anything else that escapes is an internal error, also exit 2.
export class OrchError extends Error {
  readonly exitCode: number;
  /** A hint printed after the message: what to do next. */
  readonly hint?: string;
  constructor(message: string, options: { hint?: string; exitCode?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'OrchError';
    this.exitCode = options.exitCode ?? 2;
    this.hint = options.hint;
  }
}

/**
 * By shape, not instanceof: modules loaded on demand are separate bundles with their own
 * copy of this class, and their errors must still reach the user as messages.
 */
export function isOrchError(e: unknown): e is OrchError {
  return e instanceof Error && e.name === 'OrchError' && typeof (e as { exitCode?: unknown }).exitCode === 'number';
}
