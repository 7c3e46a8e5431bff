/** The site's API over HTTP, as the browser console calls it: the value, or the site's sentence. */
export function siteCaller(url: string) {
  return async <T>(method: string, input: unknown): Promise<T> => {
    const response = await fetch(`${url}api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
    const body = (await response.json()) as { ok: boolean; value: T; error?: { message: string } };
    if (!body.ok) throw new Error(body.error?.message);
    return body.value;
  };
}

/** Synchronizes the site from a catalog bundle folder and waits for the job to succeed. */
export async function synchronizeFrom(url: string, bundleFolder: string): Promise<void> {
  const call = siteCaller(url);
  await call('sup.settings.set', { syncSourceLocation: bundleFolder });
  const { jobId } = await call<{ jobId: number }>('sync.start', { isFull: false });
  for (;;) {
    const job = await call<{ state: string; error: string | null }>('jobs.get', { id: jobId });
    if (job.state === 'succeeded') return;
    if (job.state === 'failed') throw new Error(job.error ?? 'sync failed');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
