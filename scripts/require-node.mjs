#!/usr/bin/env node
// The first step of `npm start`: on an older Node.js (the machine's Node 20, say) the build and
// the site would fail later with errors that do not say why, so this says it in one sentence.
// Plain JavaScript that any Node.js still in use can parse.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The sentence for a Node.js version below the engines range ">=22.12", or null when it fits. */
export function nodeVersionProblem(version, range) {
  const wanted = /(\d+)\.(\d+)/.exec(range);
  const have = /(\d+)\.(\d+)/.exec(version);
  if (!wanted || !have) return null;
  const [needMajor, needMinor] = [Number(wanted[1]), Number(wanted[2])];
  const [major, minor] = [Number(have[1]), Number(have[2])];
  if (major > needMajor || (major === needMajor && minor >= needMinor)) return null;
  return `Patchbay needs Node.js ${needMajor}.${needMinor} or newer (24 recommended) and this is Node.js ${version.replace(/^v/, '')}; "Start here" in README.md shows how to get Node.js 24.`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(fileURLToPath(import.meta.url), '../..');
  const { engines } = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'));
  const problem = nodeVersionProblem(process.versions.node, engines.node);
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
}
