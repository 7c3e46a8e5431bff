import type { z } from 'zod';

/**
 * One API method: its input and output schemas and a sentence for the docs. Both transports
 * (Electron IPC and HTTP) and the typed client are derived from these records, so a method is
 * written exactly once.
 */
export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I;
  readonly output: O;
  readonly summary: string;
}

export function method<I extends z.ZodType, O extends z.ZodType>(
  input: I,
  output: O,
  summary: string,
): MethodSpec<I, O> {
  return { input, output, summary };
}
