// The three browser engines our page tests run in, behind one page API so that a test is written
// once: Chromium (Debian's, through playwright-core), Firefox ESR (Debian's, puppeteer-core over
// WebDriver BiDi) and WebKitGTK, the engine of Safari (Debian's WebKitWebDriver driving MiniBrowser,
// through selenium-webdriver, on an Xvfb display). For Chromium the page is Playwright's own Page;
// for the other two it is an adapter with the part of Playwright's Page our tests use.
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import { writeFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';

export const ENGINES = ['chromium', 'firefox', 'webkit'];
// TW_BROWSERS=firefox (or a comma list) runs the cross-browser tests in those engines only.
export const enginesToTest = () => (process.env.TW_BROWSERS ? process.env.TW_BROWSERS.split(',') : ENGINES)
  .map((e) => e.trim()).filter(Boolean);

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--enable-unsafe-webgpu'];
const VIEWPORT = { width: 1100, height: 900 };
const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

// -> { page, consoleErrors, close() }. consoleErrors collects the page's console errors and
// uncaught exceptions (Chromium, Firefox); WebKitWebDriver reports none, so it stays empty there.
export async function launchPage(engine) {
  if (engine === 'chromium') return launchChromium();
  if (engine === 'firefox') return launchFirefox();
  if (engine === 'webkit') return launchWebKit();
  throw new Error(`unknown browser engine '${engine}' (${ENGINES.join(', ')})`);
}

async function launchChromium() {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const page = await (await browser.newContext({ viewport: VIEWPORT })).newPage();
  const consoleErrors = [];
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  return { page, consoleErrors, close: () => browser.close() };
}

async function launchFirefox() {
  const { default: puppeteer } = await import('puppeteer-core');
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: '/usr/bin/firefox-esr', headless: true,
    defaultViewport: VIEWPORT });
  const page = await browser.newPage();
  const consoleErrors = [];
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  return { page: new PuppeteerPage(page), consoleErrors, close: () => browser.close() };
}

// Puppeteer's Page with Playwright's argument order where the two differ.
class PuppeteerPage {
  constructor(page) { this.p = page; }
  goto(url) { return this.p.goto(url); }
  reload() { return this.p.reload(); }
  evaluate(fn, arg) { return this.p.evaluate(fn, arg); }
  waitForFunction(fn, arg, { timeout = 30_000 } = {}) { return this.p.waitForFunction(fn, { timeout, polling: 100 }, arg); }
  waitForSelector(selector) { return this.p.waitForSelector(selector); }
  $eval(selector, fn, arg) { return this.p.$eval(selector, fn, arg); }
  $$eval(selector, fn, arg) { return this.p.$$eval(selector, fn, arg); }
  click(selector) { return this.p.click(selector); }
  fill(selector, value) { return this.p.locator(selector).fill(value); }
  inputValue(selector) { return this.p.$eval(selector, (e) => e.value); }
  screenshot({ path }) { return this.p.screenshot({ path }); }
}

async function launchWebKit() {
  if (!existsSync(MINIBROWSER)) throw new Error(`${MINIBROWSER} is missing: scripts/setup installs webkit2gtk-driver`);
  const { Builder } = await import('selenium-webdriver');
  const xvfb = process.env.DISPLAY ? null : await startXvfb();
  const port = await freePort();
  const driverProcess = spawn('/usr/bin/WebKitWebDriver', [`--port=${port}`], {
    stdio: 'ignore', env: { ...process.env, DISPLAY: xvfb?.display ?? process.env.DISPLAY } });
  const stopAll = () => { driverProcess.kill(); xvfb?.server.kill(); };
  try {
    await waitForPort(port);
    const driver = await new Builder().usingServer(`http://127.0.0.1:${port}`).withCapabilities({
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
    }).build();
    await driver.manage().setTimeouts({ script: 300_000 });
    await driver.manage().window().setRect(VIEWPORT);
    return { page: new SeleniumPage(driver), consoleErrors: [], close: async () => { await driver.quit().catch(() => {}); stopAll(); } };
  } catch (e) {
    stopAll();
    throw e;
  }
}

// Playwright's Page API over a WebDriver session. Functions run in the page as Playwright runs
// them: their source is sent, with one JSON argument, and a returned promise is awaited.
class SeleniumPage {
  constructor(driver) { this.driver = driver; }
  goto(url) { return this.driver.get(url); }
  reload() { return this.driver.navigate().refresh(); }

  async run(call, arg) {  // call: an expression of `arg`, run in the page
    const r = await this.driver.executeAsyncScript(`const done = arguments[arguments.length - 1], arg = arguments[0];
      Promise.resolve().then(() => ${call}).then((v) => done({ value: v === undefined ? null : v }),
        (e) => done({ error: e instanceof Error ? e.name + ': ' + e.message + ' ' + e.stack : String(e) }));`, arg === undefined ? null : arg);
    if (r.error !== undefined) throw new Error(`in the page: ${r.error}`);
    return r.value;
  }
  evaluate(fn, arg) { return this.run(`(${fn})(arg)`, arg); }
  $eval(selector, fn, arg) {
    return this.run(`(${fn})(document.querySelector(arg.selector) ?? (() => { throw new Error('no element ' + arg.selector); })(), arg.arg)`,
      { selector, arg });
  }
  $$eval(selector, fn, arg) { return this.run(`(${fn})(Array.from(document.querySelectorAll(arg.selector)), arg.arg)`, { selector, arg }); }

  async waitForFunction(fn, arg, { timeout = 30_000 } = {}) {
    const until = Date.now() + timeout;
    for (;;) {
      const value = await this.evaluate(fn, arg);
      if (value) return value;
      if (Date.now() > until) throw new Error(`waitForFunction: still false after ${timeout} ms: ${fn}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  waitForSelector(selector) { return this.waitForFunction((s) => !!document.querySelector(s), selector); }
  async element(selector) {
    const { By } = await import('selenium-webdriver');
    return this.driver.findElement(By.css(selector));
  }
  async click(selector) { await (await this.element(selector)).click(); }
  async fill(selector, value) {
    const el = await this.element(selector);
    await el.clear();
    await el.sendKeys(value);
  }
  inputValue(selector) { return this.$eval(selector, (e) => e.value); }
  async screenshot({ path }) { writeFileSync(path, Buffer.from(await this.driver.takeScreenshot(), 'base64')); }
}

async function startXvfb() {
  for (let n = 90; n < 110; n++) {
    if (existsSync(`/tmp/.X11-unix/X${n}`) || existsSync(`/tmp/.X${n}-lock`)) continue;
    const server = spawn('Xvfb', [`:${n}`, '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
    for (let i = 0; i < 50 && !existsSync(`/tmp/.X11-unix/X${n}`); i++) await new Promise((r) => setTimeout(r, 100));
    if (existsSync(`/tmp/.X11-unix/X${n}`)) return { display: `:${n}`, server };
    server.kill();
  }
  throw new Error('no Xvfb display could be started (scripts/setup installs xvfb)');
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
    s.on('error', reject);
  });
}

async function waitForPort(port) {
  for (let i = 0; i < 100; i++) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/status`);
      if (r.ok) return;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`WebKitWebDriver did not answer on port ${port}`);
}
