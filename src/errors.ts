/**
 * Problems of the tool itself (not of the user's files): each carries a one-line message and
 * makes the CLI exit 2. Problems in the user's files are findings, never these.
 */
export type ToolErrorKind = 'usage' | 'config' | 'policy' | 'io' | 'internal';

export class ToolError extends Error {
  readonly kind: ToolErrorKind;

  constructor(kind: ToolErrorKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ToolError';
    this.kind = kind;
  }
}

/** The opa-wasm SDK throws strings and plain objects; turn anything thrown into a readable line. */
export function describeThrown(thrown: unknown): string {
  if (thrown instanceof Error) return thrown.message;
  if (typeof thrown === 'string') return thrown;
  // The opa-wasm SDK throws plain objects like {message: "not implemented: ..."}.
  const message = (thrown as { message?: unknown } | null)?.message;
  if (typeof message === 'string') return message;
  try {
    return JSON.stringify(thrown);
  } catch {
    return String(thrown);
  }
}
