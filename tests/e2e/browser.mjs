// Debian's Chromium driven by playwright-core (no browser download), plus the demo server.
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--enable-unsafe-webgpu'];

export async function openDemo({ csp = false, isolate = false, path = '/demo/captions.html', mounts = {}, widget = true } = {}) {
  const server = await startServer({ port: 0, csp, isolate, mounts });
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  const requests = [];
  const consoleErrors = [];
  page.on('request', (r) => requests.push({ url: r.url(), method: r.method(), body: r.postData() ?? '' }));
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  await page.goto(origin + path);
  if (widget) await page.waitForFunction(() => window.TranslateWidget);
  return {
    page, origin, requests, consoleErrors,
    async close() { await browser.close(); server.close(); },
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
