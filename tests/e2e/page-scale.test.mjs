// A generated page with 5 000 paragraphs: translation completes, the main thread stays responsive
// (its work is split into short tasks; the longest is reported), memory stays bounded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openDemo } from './browser.mjs';

const PARAGRAPHS = 5000;

test(`${PARAGRAPHS} paragraphs: completes in short tasks with bounded memory`, { timeout: 900_000 }, async () => {
  const d = await openDemo();
  try {
    const r = await d.page.evaluate(async (n) => {
      const subjects = ['A man', 'A woman', 'Two children', 'A dog', 'An old man', 'A young girl', 'Three friends', 'A cyclist'];
      const verbs = ['walks along', 'sits near', 'runs past', 'looks at', 'plays beside', 'waits at'];
      const places = ['the river', 'a busy street', 'the beach', 'a small shop', 'the park', 'a red car'];
      const main = document.querySelector('main');
      main.replaceChildren();
      const originals = [];
      for (let i = 0; i < n; i++) {
        const p = document.createElement('p');
        p.textContent = `${subjects[i % 8]} ${verbs[(i >> 3) % 6]} ${places[(i >> 5) % 6]}.`;
        originals.push(p.textContent);
        main.append(p);
      }
      await window.TranslateWidget.ready;
      const longTasks = [];
      const obs = new PerformanceObserver((list) => { for (const e of list.getEntries()) longTasks.push(e.duration); });
      obs.observe({ type: 'longtask', buffered: false });
      const all = new Promise((resolve) => document.addEventListener('translatewidget:done', (e) => { if (e.detail.phase === 'all') resolve(); }));
      const t0 = performance.now();
      await window.TranslateWidget.translatePage('de');
      const inView = performance.now() - t0;
      await all;
      const total = performance.now() - t0;
      await new Promise((res) => setTimeout(res, 100));
      obs.disconnect();
      const paras = [...main.querySelectorAll('p')];
      const untranslated = paras.filter((p, i) => p.textContent === originals[i]).length;
      return { inView, total, longTasks, untranslated, heap: performance.memory?.usedJSHeapSize ?? 0 };
    }, PARAGRAPHS);
    console.log(`page scale: in view ${r.inView.toFixed(0)} ms, all ${(r.total / 1000).toFixed(1)} s, ` +
      `longest task ${Math.max(0, ...r.longTasks).toFixed(0)} ms (${r.longTasks.length} over 50 ms), JS heap ${(r.heap / 1e6).toFixed(1)} MB`);
    assert.equal(r.untranslated, 0);
    // The 50 ms target is a figure to report (printed above), not a timed assertion: on a shared
    // 2-core machine a busy neighbour makes any task long. What must never come back is a
    // synchronous pass over all blocks, which takes seconds at this size.
    assert.deepEqual(r.longTasks.filter((x) => x > 500), []);
    assert.ok(r.heap < 200e6, `JS heap ${r.heap}`);
  } finally {
    await d.close();
  }
});
