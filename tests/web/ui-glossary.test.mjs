// ui-glossary.js: whole lines that are interface words, in every direction between our languages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { interfaceWord } from '../../web/translator/ui-glossary.js';

test('a whole line that is an interface word gets the table\'s word, in every direction', () => {
  assert.equal(interfaceWord('Remove', 'en', 'de'), 'Entfernen');
  assert.equal(interfaceWord('Cancel', 'en', 'fr'), 'Annuler');
  assert.equal(interfaceWord('Supprimer', 'fr', 'en'), 'Delete', 'the first row with the word wins');
  assert.equal(interfaceWord('Abbrechen', 'de', 'fr'), 'Annuler', 'German to French without English between');
  assert.equal(interfaceWord('  sign   in ', 'en', 'de'), 'Anmelden', 'spacing and case do not matter');
});

test('its ending and upper case stay: "Search…", "Name:", "CANCEL"', () => {
  assert.equal(interfaceWord('Search…', 'en', 'de'), 'Suchen…');
  assert.equal(interfaceWord('Name:', 'en', 'fr'), 'Nom:');
  assert.equal(interfaceWord('CANCEL', 'en', 'de'), 'ABBRECHEN');
});

test('anything else is the model\'s: a sentence, an unknown word, an unknown or the same language', () => {
  assert.equal(interfaceWord('Remove the old battery first.', 'en', 'de'), null);
  assert.equal(interfaceWord('Frobnicate', 'en', 'de'), null);
  assert.equal(interfaceWord('Remove', 'en', 'es'), null);
  assert.equal(interfaceWord('Remove', 'en', 'en'), null);
  assert.equal(interfaceWord('Remove', undefined, 'de'), null);
});
