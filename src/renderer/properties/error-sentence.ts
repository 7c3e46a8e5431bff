/** The one sentence an admin reads for a failed call: the site's own, or the error's message. */
export function errorSentence(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
