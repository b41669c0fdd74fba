// text-placement.js in real Chromium: a translation goes into the page's own text nodes; no node
// is created, removed or moved; inline elements get their words, icons and numbers keep theirs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openTestPage } from './browser.mjs';

let d;
before(async () => { d = await openTestPage('form.html'); });
after(async () => { await d.close(); });

// Builds html in a fresh <div>, places `full` (parts: translations of worded elements, by
// element text), and reports the nodes before/after and the visible text.
const place = (html, full, parts = {}, spacing = undefined) => d.page.evaluate(async ({ html, full, parts, spacing }) => {
  const { placeSegment, segmentSourceText } = await import('/widget/text-placement.js');
  const box = document.createElement('div');
  box.innerHTML = html;
  document.body.append(box);
  // React-style split text: a marker '|' in the html separates text nodes.
  for (const t of [...box.querySelectorAll('*'), box].flatMap((el) => [...el.childNodes]).filter((n) => n.nodeType === 3 && n.data.includes('|'))) {
    const pieces = t.data.split('|');
    t.data = pieces[0];
    let at = t;
    for (const p of pieces.slice(1)) { const n = document.createTextNode(p); at.after(n); at = n; }
  }
  const all = (n) => [n, ...[...n.childNodes].flatMap(all)];
  const nodesBefore = all(box);
  const items = [...box.childNodes];
  const textOf = (n) => n.data;
  const source = segmentSourceText(items, textOf);
  const writes = placeSegment(items, full, { textOf, partTranslation: (el) => parts[el.textContent], spacing });
  for (const [node, data] of writes) node.data = data;
  const nodesAfter = all(box);
  const r = {
    source, text: box.textContent, sameNodes: nodesBefore.length === nodesAfter.length && nodesBefore.every((n, i) => n === nodesAfter[i]),
    elements: [...box.querySelectorAll('*')].map((el) => ({ tag: el.tagName, text: el.textContent, attrs: [...el.attributes].map((a) => `${a.name}=${a.value}`) })),
  };
  box.remove();
  return r;
}, { html, full, parts, spacing });

test('React-style split text nodes: the translation fills them in order, same nodes', async () => {
  const r = await place('You clicked the button |3| times.', 'Sie haben 3 Mal auf den Knopf geklickt.');
  assert.equal(r.source, 'You clicked the button 3 times.');
  assert.equal(r.text, 'Sie haben 3 Mal auf den Knopf geklickt.');
  assert.ok(r.sameNodes);
});

test('a link gets its own words where they stand in the translation; href kept', async () => {
  const r = await place('Read <a href="/manual">the manual</a> before you start.', 'Lesen Sie das Handbuch, bevor Sie beginnen.',
    { 'the manual': 'das Handbuch' });
  assert.equal(r.text, 'Lesen Sie das Handbuch, bevor Sie beginnen.');
  assert.deepEqual(r.elements, [{ tag: 'A', text: 'das Handbuch', attrs: ['href=/manual'] }]);
  assert.ok(r.sameNodes);
});

test('a permalink anchor (¶) is not sent to the model and keeps its text and place', async () => {
  const r = await place('Installation<a class="headerlink" href="#installation" title="Permalink">¶</a>', 'Einrichtung');
  assert.equal(r.source, 'Installation');
  assert.equal(r.text, 'Einrichtung¶');
  assert.equal(r.elements[0].text, '¶');
  assert.ok(r.sameNodes);
});

test('an icon in the middle stays between the words around it', async () => {
  const r = await place('Click <i class="icon">★</i> to save the page', 'Klicken Sie, um die Seite zu speichern');
  assert.equal(r.elements[0].text, '★');
  const [beforeIcon, afterIcon] = r.text.split('★');
  assert.ok(beforeIcon.trim().length > 0 && afterIcon.trim().length > 0, r.text);
  assert.equal(r.text.replace('★', '').replace(/\s+/g, ' ').trim(), 'Klicken Sie, um die Seite zu speichern');
});

test('a number in its own element keeps its text and is not shown twice', async () => {
  const r = await place('<span class="n">3</span> items are in your list.', '3 Artikel sind in Ihrer Liste.');
  assert.equal(r.source, '3 items are in your list.');
  assert.equal(r.text, '3 Artikel sind in Ihrer Liste.');
  assert.equal(r.elements[0].text, '3');
});

test('an e-mail address or URL in a link is kept as it is, found in the translation, never translated', async () => {
  const r = await place('Write to <a href="mailto:help@example.com">help@example.com</a> today.', 'Schreiben Sie noch heute an help@example.com.',
    { 'help@example.com': 'Hilfe' });
  assert.equal(r.text, 'Schreiben Sie noch heute an help@example.com.');
  assert.deepEqual(r.elements[0], { tag: 'A', text: 'help@example.com', attrs: ['href=mailto:help@example.com'] });
  const url = await place('See <a href="https://example.org/docs">https://example.org/docs</a> for more.', 'Mehr dazu unter https://example.org/docs.');
  assert.equal(url.text, 'Mehr dazu unter https://example.org/docs.');
});

test('an address the model dropped stays where it stood, with a space on either side', async () => {
  const r = await place('Write to <a href="mailto:help@example.com">help@example.com</a> or call us.', 'Schreiben Sie an oder rufen Sie uns an.');
  assert.equal(r.elements[0].text, 'help@example.com');
  assert.match(r.text, /\S help@example\.com \S/);
});

test('an element whose translation is not found verbatim still gets words; the text is the translation', async () => {
  const r = await place('A woman with a <strong>red umbrella</strong> walks past a shop.', 'Eine Frau mit einem roten Regenschirm geht an einem Geschäft vorbei.',
    { 'red umbrella': 'roter Regenschirm' });
  assert.equal(r.text, 'Eine Frau mit einem roten Regenschirm geht an einem Geschäft vorbei.');
  assert.equal(r.elements[0].text.trim().split(/\s+/).length, 2);
  assert.ok(r.sameNodes);
});

test('words with no free text node left join the element before; nested elements keep their nodes', async () => {
  const r = await place('<a href="/a">Home</a><b>page <i>one</i></b>', 'Startseite eins extra', { Home: 'Startseite', 'page one': 'eins' });
  assert.equal(r.text.replace(/\s+/g, ' ').trim(), 'Startseite eins extra');
  assert.deepEqual(r.elements.map((e) => e.tag), ['A', 'B', 'I']);
  assert.ok(r.sameNodes);
});

test('leading and trailing spaces of the segment survive (no words glued to neighbours)', async () => {
  const r = await place(' and then <em>stop</em> ', 'und dann anhalten', { stop: 'anhalten' });
  assert.ok(r.text.startsWith(' ') && r.text.endsWith(' '), JSON.stringify(r.text));
  assert.equal(r.elements[0].text.trim(), 'anhalten');
});

test('a link at the end of a sentence whose translation is shorter still gets words (never empty)', async () => {
  const r = await place('Powered by <a href="https://www.sphinx-doc.org/">Sphinx</a>', 'Betrieben mit Schpinx', { Sphinx: 'Sphinxo' });
  assert.equal(r.text, 'Betrieben mit Schpinx');
  assert.ok(r.elements[0].text.trim().length > 0, JSON.stringify(r.elements));
  const r2 = await place('<a href="/a">Home</a><a href="/b">About us</a>', 'Startseite', { Home: 'Startseite', 'About us': 'Über uns' });
  assert.deepEqual(r2.elements.map((e) => e.text.trim()), ['Startseite', 'Über uns']);
});

test('a padded translation of a short phrase does not swallow the rest of the sentence', async () => {
  const r = await place('A woman with a <strong>red umbrella</strong> walks past a shop.', 'Une femme avec un parapluie rouge passe devant un magasin.',
    { 'red umbrella': 'Une ombrelle rouge faisant un parapluie rouge' });
  assert.equal(r.text, 'Une femme avec un parapluie rouge passe devant un magasin.');
  assert.ok(r.elements[0].text.trim().split(/\s+/).length <= 3, r.elements[0].text);
});

test('a price or icon that closes the sentence stays at its end, spaced, when the model drops or mangles it', async () => {
  const r = await place('Lightweight rain jacket, waterproof. <span class="price">€89.90</span>', 'Leichte Regenjacke, wasserdicht. 890');
  assert.equal(r.text, 'Leichte Regenjacke, wasserdicht. 890 €89.90');
  const r2 = await place('Next page <span aria-hidden="true">→</span>', 'Nächste Seite');
  assert.equal(r2.text, 'Nächste Seite →');
  const r3 = await place('<span class="count">3</span> items in your cart', 'Artikel in Ihrem Warenkorb');
  assert.equal(r3.text, '3 Artikel in Ihrem Warenkorb');
});

// kept-inline.js: what a sentence with inline code, a notranslate name or a price is sent as.
const units = (html, placeholders) => d.page.evaluate(async ({ html, placeholders }) => {
  const { unitsOf } = await import('/widget/kept-inline.js');
  const { segmentsOf } = await import('/widget/segmenter.js');
  const box = document.createElement('p');
  box.innerHTML = html;
  document.body.append(box);
  const out = segmentsOf(box, 'en').flatMap((seg) => unitsOf(seg, { sourceLang: 'en', textOf: (n) => n.data, placeholders }))
    .map((u) => ({ source: u.source, runs: u.runs?.length ?? 0 }));
  box.remove();
  return out;
}, { html, placeholders });

test('kept inline elements: one sentence with placeholders where the model passes them, else runs of their own', async () => {
  const html = 'Use the code <code>SUMMER24</code> at checkout, or write to <a href="mailto:a@example.com">a@example.com</a>. <span class="price">€5</span>';
  assert.deepEqual(await units(html, true), [{ source: 'Use the code {1} at checkout, or write to {2}. ', runs: 3 }]);
  // Without placeholders: split at the code; the address and the price stay for the model to copy.
  assert.deepEqual(await units(html, false), [
    { source: 'Use the code ', runs: 0 }, { source: ' at checkout, or write to a@example.com. €5', runs: 0 }]);
  // At the start and after a colon a kept element is part of the sentence; after its full stop it
  // is not (models drop it there); a kept element alone is not sent.
  assert.deepEqual(await units('<span class="notranslate">Acme</span> is a brand. <kbd>Ctrl</kbd>', true), [{ source: '{1} is a brand. ', runs: 2 }]);
  assert.deepEqual(await units('Call us: <span>+44 20 7946 0958</span>', true), [{ source: 'Call us: {1}', runs: 2 }]);
  assert.deepEqual(await units('A warm jacket. <span>€89</span>', true), [{ source: 'A warm jacket. ', runs: 0 }]);
  assert.deepEqual(await units('<code>npm</code>', true), []);
  // More kept elements than a model gives back reliably: runs of their own.
  assert.equal((await units('Keys: ' + '<kbd>k</kbd> and '.repeat(9) + 'more.', true)).length, 10);
  // Page text that looks like a placeholder: never mixed with ours.
  assert.deepEqual(await units('Write {1} or <code>x</code> here.', true), [{ source: 'Write {1} or ', runs: 0 }, { source: ' here.', runs: 0 }]);
});

test('beside a kept element the translation decides the spacing, at the page text the page does', async () => {
  // " command." after <code>serve</code>, translated as the piece after {1} in "la commande {1}."
  assert.equal((await place(' command.', '.', {}, { lead: 'translation', trail: 'source' })).text, '.');
  assert.equal((await place(' command.', '.')).text, ' .');
  assert.equal((await place('Use the code ', 'Utilisez le code ', {}, { lead: 'source', trail: 'translation' })).text, 'Utilisez le code ');
});
