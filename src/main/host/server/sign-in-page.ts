/**
 * The sign-in page `patchbay serve` shows a browser before the console, in the console's look
 * (Segoe UI, the Fluent blue, a dialog on the neutral background). A plain form with no script,
 * so its policy can forbid scripts entirely and allow a form post to this server only.
 */
export const signInContentSecurityPolicy = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

export function signInPage(options: { siteLabel: string; notice?: string; name?: string }): string {
  const notice = options.notice
    ? `<p class="notice" role="alert">${escapeHtml(options.notice)}</p>`
    : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign in - Patchbay</title>
<style>
  body { margin: 0; height: 100vh; display: flex; align-items: center; justify-content: center;
    background: #f5f5f5; font: 12px "Segoe UI", "Segoe UI Web (West European)", -apple-system,
    BlinkMacSystemFont, Roboto, "Helvetica Neue", sans-serif; color: #242424; }
  form { width: 320px; background: #fff; border: 1px solid #d1d1d1; border-radius: 4px;
    box-shadow: 0 8px 16px rgba(0,0,0,.14); padding: 20px 24px; }
  h1 { font-size: 16px; font-weight: 600; margin: 0 0 4px; }
  .site { color: #616161; margin: 0 0 16px; }
  label { display: block; margin: 10px 0 4px; }
  input { box-sizing: border-box; width: 100%; height: 28px; padding: 0 8px; font: inherit;
    border: 1px solid #d1d1d1; border-bottom-color: #616161; border-radius: 4px; }
  input:focus { outline: none; border-bottom: 2px solid #0f6cbd; }
  .notice { color: #b10e1c; background: #fdf3f4; border: 1px solid #eeacb2; border-radius: 4px;
    padding: 6px 8px; margin: 0 0 8px; }
  .buttons { display: flex; justify-content: flex-end; margin-top: 18px; }
  button { min-width: 80px; height: 28px; font: inherit; font-weight: 600; color: #fff;
    background: #0f6cbd; border: 1px solid transparent; border-radius: 4px; cursor: pointer; }
  button:hover { background: #115ea3; }
</style>
</head>
<body>
<form method="post" action="/auth/signin" aria-label="Sign in">
  <h1>Sign in to Patchbay</h1>
  <p class="site">${escapeHtml(options.siteLabel)}</p>
  ${notice}
  <label for="name">User name</label>
  <input id="name" name="name" autocomplete="username" required autofocus value="${escapeHtml(options.name ?? '')}">
  <label for="password">Password</label>
  <input id="password" name="password" type="password" autocomplete="current-password" required>
  <div class="buttons"><button type="submit">Sign in</button></div>
</form>
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}
