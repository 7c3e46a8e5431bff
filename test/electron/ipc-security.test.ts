import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isTrustedSender, parseCallMessage } from '../../src/main/electron/ipc-security';

const consoleIndexUrl = pathToFileURL('/opt/Patchbay/resources/app/dist/renderer/index.html').href;

describe('isTrustedSender', () => {
  it('trusts the console page itself, wherever the admin has navigated inside it', () => {
    expect(isTrustedSender(consoleIndexUrl, consoleIndexUrl)).toBe(true);
    expect(isTrustedSender(`${consoleIndexUrl}#node=all-software-updates`, consoleIndexUrl)).toBe(
      true,
    );
    expect(isTrustedSender(`${consoleIndexUrl}?from=menu#node=overview`, consoleIndexUrl)).toBe(
      true,
    );
  });

  it('trusts the same file spelled with escapes or a drive letter case a browser might use', () => {
    const index = 'file:///C:/Program%20Files/Patchbay/resources/app/dist/renderer/index.html';
    expect(isTrustedSender(index.replace('Program%20Files', 'Program Files'), index)).toBe(true);
    expect(isTrustedSender(index.replace('index.html', '%69ndex.html'), index)).toBe(true);
    expect(isTrustedSender(index.replace('file:///C:', 'file:///c:'), index)).toBe(true);
  });

  it('refuses a frame with no URL', () => {
    expect(isTrustedSender(undefined, consoleIndexUrl)).toBe(false);
    expect(isTrustedSender('', consoleIndexUrl)).toBe(false);
  });

  it('refuses other local pages, including lookalike paths', () => {
    const folder = consoleIndexUrl.slice(0, -'index.html'.length);
    expect(isTrustedSender(`${folder}other.html`, consoleIndexUrl)).toBe(false);
    expect(isTrustedSender(`${consoleIndexUrl}/../other.html`, consoleIndexUrl)).toBe(false);
    expect(isTrustedSender(`${folder}../index.html`, consoleIndexUrl)).toBe(false);
    expect(isTrustedSender(`${consoleIndexUrl}.evil.html`, consoleIndexUrl)).toBe(false);
    expect(isTrustedSender(`${consoleIndexUrl}x`, consoleIndexUrl)).toBe(false);
    expect(
      isTrustedSender(consoleIndexUrl.replace('/renderer/', '/renderer-copy/'), consoleIndexUrl),
    ).toBe(false);
    expect(isTrustedSender('file:///tmp/index.html', consoleIndexUrl)).toBe(false);
    expect(
      isTrustedSender(consoleIndexUrl.replace('file:///', 'file://fileserver/'), consoleIndexUrl),
    ).toBe(false);
  });

  it('refuses web pages and other schemes, even with the same path', () => {
    const path = new URL(consoleIndexUrl).pathname;
    expect(isTrustedSender(`http://localhost:8530${path}`, consoleIndexUrl)).toBe(false);
    expect(isTrustedSender(`https://example.com${path}`, consoleIndexUrl)).toBe(false);
    expect(isTrustedSender('about:blank', consoleIndexUrl)).toBe(false);
    expect(isTrustedSender(`devtools://devtools${path}`, consoleIndexUrl)).toBe(false);
    expect(isTrustedSender('not a url', consoleIndexUrl)).toBe(false);
  });

  it('refuses a path that does not decode cleanly', () => {
    expect(isTrustedSender(`${consoleIndexUrl}%E0%A4%A`, consoleIndexUrl)).toBe(false);
  });
});

describe('parseCallMessage', () => {
  it('accepts a method with any input and passes the input on untouched', () => {
    const input = { updateIds: ['a', 'b'], nested: { deep: [1, 2] } };
    expect(parseCallMessage({ method: 'site.info', input: {} })).toEqual({
      method: 'site.info',
      input: {},
    });
    expect(parseCallMessage({ method: 'deployments.createForGroup', input })?.input).toBe(input);
    expect(parseCallMessage({ method: 'site.ping', input: 'anything' })?.input).toBe('anything');
    expect(parseCallMessage({ method: 'site.info' })).toEqual({
      method: 'site.info',
      input: undefined,
    });
  });

  it('refuses a message without a method, or that is not an object', () => {
    expect(parseCallMessage({ input: {} })).toBeNull();
    expect(parseCallMessage(undefined)).toBeNull();
    expect(parseCallMessage(null)).toBeNull();
    expect(parseCallMessage('site.info')).toBeNull();
    expect(parseCallMessage(42)).toBeNull();
    expect(parseCallMessage(['site.info', {}])).toBeNull();
  });

  it('refuses a method that is not a string', () => {
    expect(parseCallMessage({ method: 42, input: {} })).toBeNull();
    expect(parseCallMessage({ method: ['site', 'info'], input: {} })).toBeNull();
    expect(parseCallMessage({ method: { toString: () => 'site.info' }, input: {} })).toBeNull();
    expect(parseCallMessage({ method: null, input: {} })).toBeNull();
  });

  it('refuses method names that are not contract names', () => {
    for (const method of [
      '',
      'site',
      'site.',
      '.info',
      'site..info',
      'Site.info',
      'site.Info',
      'site.info ',
      'site/info',
      '../site.info',
      'site.info\n',
      'site.__proto__',
      'site.info2',
      'site-info.get',
      `site.${'a'.repeat(100)}`,
    ]) {
      expect(parseCallMessage({ method, input: {} }), method).toBeNull();
    }
  });
});
