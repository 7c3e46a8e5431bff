import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const script = resolve(root, 'scripts/require-node.mjs');

function problemFor(version: string, range: string): string {
  const result = spawnSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `import { nodeVersionProblem } from ${JSON.stringify(script)}; console.log(String(nodeVersionProblem(${JSON.stringify(version)}, ${JSON.stringify(range)})));`,
    ],
    { encoding: 'utf8' },
  );
  return result.stdout.trim();
}

describe('npm start on an older Node.js', () => {
  it('names the Node.js version it needs in one sentence, from the engines of package.json', () => {
    const { engines, scripts } = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'));
    expect(scripts.start.startsWith('node scripts/require-node.mjs && ')).toBe(true);
    expect(problemFor('20.20.2', engines.node)).toBe(
      'Patchbay needs Node.js 22.12 or newer (24 recommended) and this is Node.js 20.20.2; "Start here" in README.md shows how to get Node.js 24.',
    );
    expect(problemFor('22.11.0', '>=22.12')).toContain('needs Node.js 22.12 or newer');
    expect(problemFor('22.12.0', '>=22.12')).toBe('null');
    expect(problemFor('24.1.0', '>=22.12')).toBe('null');
    const current = spawnSync(process.execPath, [script], { encoding: 'utf8' });
    expect(current.status).toBe(0);
  });

  it("stops before the build on the machine's own old Node.js", (context) => {
    const old = '/usr/bin/node';
    const version = existsSync(old)
      ? spawnSync(old, ['--version'], { encoding: 'utf8' }).stdout
      : '';
    if (!/^v(1\d|2[01])\./.test(version)) {
      context.skip(`no Node.js older than 22 at ${old} (found ${version.trim() || 'none'})`);
      return;
    }
    const run = spawnSync(old, [script], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toMatch(/^Patchbay needs Node\.js 22\.12 or newer .*Node\.js 24\.$/);
  });
});
