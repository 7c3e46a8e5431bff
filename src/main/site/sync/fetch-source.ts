/**
 * Fetches a sync source URL; an unreachable host or an HTTP error becomes one sentence naming
 * the URL, which is what the admin reads in the 6703 status message.
 */
export async function fetchSource(
  url: string,
  signal: AbortSignal,
  init: RequestInit = {},
): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal });
  } catch (error) {
    if (signal.aborted) throw error;
    const cause = (error as Error).cause as { code?: string; message?: string } | undefined;
    throw new Error(
      `${url} is unreachable: ${cause?.code ?? cause?.message ?? (error as Error).message}.`,
      {
        cause: error,
      },
    );
  }
  if (!response.ok || !response.body)
    throw new Error(`${url} answered HTTP ${response.status} ${response.statusText}.`);
  return response;
}
