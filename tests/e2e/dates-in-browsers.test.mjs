// Dates and times come back in the reader's form from the browser's own Intl (web/translator/
// dates.js): each engine must write them as Node does — month names, 24-hour times, the range dash.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openDemo } from './browser.mjs';
import { enginesToTest } from './engines.mjs';
import { createTranslator } from '../../web/translator/index.js';

const LINES = ['Our webinar starts at 3 pm on March 12, 2024.', 'Open Monday to Friday, 9 am to 5 pm.', 'The sale ends on June 30, 2025.'];
const FORMS = { de: ['15 Uhr', '12. März 2024', '9 Uhr – 17 Uhr', '30. Juni 2025'], fr: ['15 h', '12 mars 2024', '9 h – 17 h', '30 juin 2025'] };

const inNode = {};
for (const to of Object.keys(FORMS)) {
  const t = await createTranslator({ from: 'en', to });
  inNode[to] = await t.translate(LINES);
  t.dispose();
}

for (const engine of enginesToTest()) {
  test(`${engine}: dates and times in the reader's form, as in Node`, { timeout: 120_000 }, async () => {
    const d = await openDemo({ browser: engine, widget: false });
    try {
      for (const to of Object.keys(FORMS)) {
        const got = await d.page.evaluate(async ({ lines, to }) => {
          const { createTranslator } = await import('/translator/index.js');
          const t = await createTranslator({ from: 'en', to });
          try { return await t.translate(lines); } finally { t.dispose(); }
        }, { lines: LINES, to });
        for (const form of FORMS[to]) assert.ok(got.join('\n').includes(form), `${to}: "${form}" in ${JSON.stringify(got)}`);
        assert.deepEqual(got, inNode[to]);
      }
    } finally {
      await d.close();
    }
  });
}
