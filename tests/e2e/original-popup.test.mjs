// What a visitor reads beside the translation, in Chromium on a Sphinx page (documentation as
// Sphinx generates it): the original of a block on hover and on keyboard focus (original-popup.js),
// and the dotted underline under sentences the model was unsure of (confidence-marks.js).
// Both leave the page's layout and DOM alone, and restore() removes every trace.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openTestPage, translateAll } from './browser.mjs';

const FIRST = 'section p:not(.admonition-title)';  // "This page explains how to install ..."

// The popup as a page script sees it.
const popup = (page) => page.evaluate(() => {
  const host = document.querySelector('[data-translate-widget][role="tooltip"]');
  if (!host) return null;
  const r = host.shadowRoot.querySelector('.box').getBoundingClientRect();
  return { id: host.id, hidden: host.hidden, text: host.shadowRoot.textContent, rect: { top: r.top, bottom: r.bottom, left: r.left, right: r.right } };
});
const rectOf = (page, selector) => page.$eval(selector, (e) => { const r = e.getBoundingClientRect(); return { top: r.top, bottom: r.bottom, left: r.left, right: r.right }; });
const overlaps = (a, b) => a.top < b.bottom && b.top < a.bottom && a.left < b.right && b.left < a.right;
// Every element's box: the page's layout.
const layout = (page) => page.evaluate(() => [...document.body.querySelectorAll('*')].filter((e) => !e.closest('[data-translate-widget]'))
  .map((e) => { const r = e.getBoundingClientRect(); return [r.x, r.y, r.width, r.height].join(); }));
// The texts the confidence marks cover.
const marked = (page) => page.evaluate(() => [...(CSS.highlights.get('tw-unsure') ?? [])].map((r) => r.toString()));

// openTestPage with the widget's settings as window.TranslateWidgetConfig (data-* of its tag).
async function open(config = null) {
  const d = await openTestPage('sphinx.html');
  if (config) {
    await d.page.addInitScript((c) => { window.TranslateWidgetConfig = c; }, config);
    await d.page.reload();
    await d.page.waitForFunction(() => window.TranslateWidget);
  }
  await d.page.evaluate(() => window.TranslateWidget.ready);
  return d;
}

test('hover: a translated paragraph shows its original beside it within a second; leaving hides it', { timeout: 120_000 }, async () => {
  const d = await open();
  try {
    const original = (await d.page.$eval(FIRST, (p) => p.textContent)).replace(/\s+/g, ' ').trim();
    await translateAll(d.page, 'de');
    assert.notEqual(await d.page.$eval(FIRST, (p) => p.textContent), original, 'translated');
    const before = await layout(d.page);
    const t0 = Date.now();
    await d.page.hover(FIRST);
    await d.page.waitForFunction(() => document.querySelector('[data-translate-widget][role="tooltip"]')?.hidden === false, null, { timeout: 1000 });
    const shown = Date.now() - t0;
    const p = await popup(d.page);
    assert.ok(p.text.includes(original), `the original in the popup: ${p.text}`);
    assert.ok(p.text.includes('Originaltext'), 'labelled in the language the page is shown in');
    assert.equal(await d.page.$eval(FIRST, (e) => e.getAttribute('aria-describedby')), p.id, 'the paragraph is described by the popup');
    assert.ok(!overlaps(p.rect, await rectOf(d.page, FIRST)), 'the popup does not cover the paragraph being read');
    assert.deepEqual(await layout(d.page), before, 'the page\'s layout did not move');
    await d.page.mouse.move(5, 5);  // off the paragraph
    await d.page.waitForFunction(() => document.querySelector('[data-translate-widget][role="tooltip"]')?.hidden === true, null, { timeout: 1000 });
    assert.equal(await d.page.$eval(FIRST, (e) => e.getAttribute('aria-describedby')), null, 'the attribute goes with it');
    assert.deepEqual(d.consoleErrors, []);
    console.log(`popup shown ${shown} ms after the pointer arrived`);
  } finally {
    await d.close();
  }
});

test('keyboard: Tab to a translated link shows its block\'s original; Escape hides it; restore() leaves no trace', { timeout: 120_000 }, async () => {
  const d = await open();
  try {
    const snapshot = () => d.page.evaluate(() => ({ html: document.body.innerHTML, sheets: document.adoptedStyleSheets.length, head: document.head.innerHTML }));
    const before = await snapshot();
    const navOriginal = await d.page.$eval('.sphinxsidebar li:nth-child(2)', (li) => li.textContent.trim());
    await translateAll(d.page, 'de');
    // Tab until the "Using pip" link of the navigation has focus.
    let focused = null;
    for (let i = 0; i < 30 && focused !== '#using-pip'; i++) {
      await d.page.keyboard.press('Tab');
      focused = await d.page.evaluate(() => document.activeElement?.getAttribute('href'));
    }
    assert.equal(focused, '#using-pip');
    await d.page.waitForFunction(() => document.querySelector('[data-translate-widget][role="tooltip"]')?.hidden === false, null, { timeout: 1000 });
    const p = await popup(d.page);
    assert.ok(p.text.includes(navOriginal), `${navOriginal} in ${p.text}`);
    assert.equal(await d.page.evaluate(() => document.activeElement.getAttribute('aria-describedby')), p.id);
    await d.page.keyboard.press('Escape');
    assert.equal((await popup(d.page)).hidden, true);
    assert.equal(await d.page.evaluate(() => document.activeElement.getAttribute('aria-describedby')), null);
    await d.page.evaluate(() => window.TranslateWidget.restore());
    assert.equal(await popup(d.page), null, 'the popup is gone');
    assert.deepEqual(await snapshot(), before, 'the DOM, head and style sheets as before');
    assert.deepEqual(await marked(d.page), []);
  } finally {
    await d.close();
  }
});

test('confidence marks: unsure sentences underlined where they show; the popup says so; data-confidence="off" and data-show-original="off"', { timeout: 180_000 }, async () => {
  // A threshold above every score marks every sentence the model translated: where each shows is
  // then checked on the page; the measured default marks fewer.
  let d = await open({ confidence: '0.999' });
  try {
    await translateAll(d.page, 'de');
    const all = await marked(d.page);
    const text = await d.page.evaluate(() => document.body.textContent.replace(/\s+/g, ' '));
    assert.ok(all.length >= 8, `${all.length} sentences marked`);
    for (const m of all) assert.ok(text.includes(m.replace(/\s+/g, ' ')), `a mark covers page text: ${m}`);
    assert.ok(all.some((m) => /Installation|installieren|Computer/i.test(m)), all.join(' | '));
    await d.page.hover(FIRST);
    await d.page.waitForFunction(() => document.querySelector('[data-translate-widget][role="tooltip"]')?.hidden === false, null, { timeout: 1000 });
    assert.ok((await popup(d.page)).text.includes('möglicherweise ungenau'), 'the popup explains the underline');
    const style = await d.page.evaluate(() => [...document.adoptedStyleSheets].flatMap((s) => [...s.cssRules]).map((r) => r.cssText).join(' '));
    assert.match(style, /::highlight\(tw-unsure\).*dotted/);
    await d.page.screenshot({ path: 'build/e2e/confidence-marks.png' });
  } finally {
    await d.close();
  }
  d = await open();
  try {
    await translateAll(d.page, 'de');
    const some = await marked(d.page);
    console.log(`default threshold: ${some.length} sentences marked on the Sphinx page: ${some.join(' | ')}`);
    assert.ok(some.length < 8, 'the measured threshold marks fewer than all');
  } finally {
    await d.close();
  }
  d = await open({ confidence: 'off', 'show-original': 'off' });
  try {
    await translateAll(d.page, 'de');
    assert.deepEqual(await marked(d.page), []);
    await d.page.hover(FIRST);
    await d.page.waitForTimeout(800);
    assert.equal(await popup(d.page), null, 'no popup at all');
  } finally {
    await d.close();
  }
});
