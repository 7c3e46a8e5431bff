import { session } from 'electron';
import { consoleContentSecurityPolicy } from '../host/server/static-console';

/**
 * Sends the console's Content-Security-Policy with every response of the default session, the
 * same policy `patchbay serve` sends, so the desktop and browser consoles run under one rule set.
 * (For the file:// console the `connect-src ws:` part allows nothing the page uses.)
 */
export function installContentSecurityPolicy(): void {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...details.responseHeaders };
    // A response's own policy would otherwise sit beside ours under another letter case.
    for (const name of Object.keys(headers)) {
      if (name.toLowerCase() === 'content-security-policy') delete headers[name];
    }
    headers['Content-Security-Policy'] = [consoleContentSecurityPolicy];
    callback({ responseHeaders: headers });
  });
}
