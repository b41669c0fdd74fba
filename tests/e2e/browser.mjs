// A page of ours in a real browser engine (Debian's Chromium by default; Firefox ESR or WebKitGTK
// with `browser`, see engines.mjs), plus the demo server.
import { startServer } from '../../scripts/serve.mjs';
import { launchPage } from './engines.mjs';

export { CHROMIUM_ARGS } from './engines.mjs';

export async function openDemo({ browser = 'chromium', csp = false, isolate = false, path = '/demo/captions.html', mounts = {}, widget = true } = {}) {
  const server = await startServer({ port: 0, csp, isolate, mounts });
  const origin = `http://127.0.0.1:${server.address().port}`;
  const { page, consoleErrors, close } = await launchPage(browser);
  // Every request the page makes: Chromium reports its own (off-origin ones too); for the other
  // engines the server logs what reaches it, which is all a page of ours can ask for.
  const requests = [];
  if (browser === 'chromium') {
    page.on('request', (r) => requests.push({ url: r.url(), method: r.method(), body: r.postData() ?? '' }));
  } else {
    server.on('request', (req) => requests.push({ url: origin + req.url, method: req.method, body: '' }));
  }
  try {
    await page.goto(origin + path);
    if (widget) await page.waitForFunction(() => window.TranslateWidget);
  } catch (e) {
    await close();
    server.close();
    throw e;
  }
  return {
    page, origin, requests, consoleErrors, browser,
    async close() { await close(); server.close(); },
  };
}

// Translates the whole page, not only what is in view: resolves when the widget reports phase 'all'.
export const translateAll = (page, lang) => page.evaluate((lang) => new Promise((resolve, reject) => {
  document.addEventListener('translatewidget:done', function on(e) {
    if (e.detail.phase === 'all') { document.removeEventListener('translatewidget:done', on); resolve(); }
  });
  window.TranslateWidget.translatePage(lang).catch(reject);
}), lang);

// A page of tests/e2e/pages (written by us to look like what sites ship), with npm packages
// (React, Vue) served from node_modules at /vendor/.
export function openTestPage(name, options = {}) {
  const here = new URL('.', import.meta.url).pathname;
  return openDemo({ ...options, path: `/pages/${name}`,
    mounts: { '/pages/': `${here}pages`, '/vendor/': new URL('../../node_modules', import.meta.url).pathname } });
}
