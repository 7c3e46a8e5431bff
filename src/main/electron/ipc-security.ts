/**
 * The checks the Electron shell makes before it relays anything to the site. Kept free of any
 * electron import so they run (and are tested) under plain Node.
 */

/** A call method as the contract names them: `area.verb`, for example `site.info`. */
const callMethodPattern = /^[a-z][A-Za-z]*(\.[a-z][A-Za-z]*)+$/;
const longestCallMethod = 100;

/**
 * True only when the frame that sent an IPC message shows the console's own index.html. The hash
 * (`#node=…`) and query are ignored; everything else — scheme, host and the exact path — must
 * match, so another local page, a web page, or a lookalike path never reaches the site.
 */
export function isTrustedSender(frameUrl: string | undefined, consoleIndexUrl: string): boolean {
  if (!frameUrl) return false;
  const sender = parseFileUrl(frameUrl);
  const index = parseFileUrl(consoleIndexUrl);
  if (!sender || !index) return false;
  return sender.host === index.host && sender.path === index.path;
}

function parseFileUrl(value: string): { host: string; path: string } | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== 'file:') return null;
  // The URL parser has already resolved `..` segments. Chromium and Node may escape the same path
  // differently (for example a space, or the case of a Windows drive letter), so both sides are
  // compared decoded; a path that only decodes to the index file is the index file.
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  path = path.replace(/^\/([a-z]):/, (_whole, drive: string) => `/${drive.toUpperCase()}:`);
  return { host: url.host.toLowerCase(), path };
}

/** What the preload sends on the call channel. */
export interface CallMessage {
  method: string;
  input: unknown;
}

/**
 * Accepts only `{ method, input }` with a well-formed method name. The input is passed on
 * untouched: the site parses every input with its zod schema, so the shell never interprets calls.
 */
export function parseCallMessage(value: unknown): CallMessage | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const { method, input } = value as { method?: unknown; input?: unknown };
  if (typeof method !== 'string') return null;
  if (method.length > longestCallMethod || !callMethodPattern.test(method)) return null;
  return { method, input };
}
