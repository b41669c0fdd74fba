// The language picker: a labelled <select> in a closed-off Shadow DOM (styles neither leak in nor
// out; a constructable stylesheet, so it works under a strict CSP), with a real-bytes progress bar.
import { label, languageName } from './labels.js';

const CSS = `
:host { all: initial; position: fixed; z-index: 2147483000; right: 16px; bottom: 16px; }
.box { font: 14px/1.35 system-ui, sans-serif; color: #1d2433; background: #fff; border: 1px solid #c9d1e0;
       border-radius: 10px; box-shadow: 0 4px 18px rgba(0,0,0,.15); padding: 10px 12px; min-width: 220px; }
label { display: block; font-weight: 600; margin-bottom: 6px; }
select { font: inherit; width: 100%; padding: 4px 6px; border-radius: 6px; border: 1px solid #8c98b0; }
select:focus-visible { outline: 3px solid #3b6ef5; outline-offset: 1px; }
.status { margin-top: 6px; font-size: 12px; color: #4a5568; min-height: 1.2em; }
.status.error { color: #b42318; }
progress { width: 100%; height: 6px; margin-top: 6px; }
progress[hidden] { display: none; }
.privacy { font-size: 11px; color: #667085; margin-top: 4px; }
`;

export class Picker {
  constructor(doc, { sourceLang, targets, onChoose }) {
    this.doc = doc;
    this.sourceLang = sourceLang;
    this.targets = targets;
    this.host = doc.createElement('div');
    this.host.setAttribute('data-translate-widget', '');
    this.host.setAttribute('translate', 'no');
    const root = this.host.attachShadow({ mode: 'open' });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
    root.adoptedStyleSheets = [sheet];
    const box = doc.createElement('div');
    box.className = 'box';
    this.box = box;
    box.setAttribute('role', 'region');
    this.labelEl = doc.createElement('label');
    this.labelEl.htmlFor = 'tw-lang';
    this.select = doc.createElement('select');
    this.select.id = 'tw-lang';
    this.progress = doc.createElement('progress');
    this.progress.hidden = true;
    this.progress.max = 1;
    this.status = doc.createElement('div');
    this.status.className = 'status';
    this.status.setAttribute('role', 'status');
    this.status.setAttribute('aria-live', 'polite');
    this.privacy = doc.createElement('div');
    this.privacy.className = 'privacy';
    box.append(this.labelEl, this.select, this.progress, this.status, this.privacy);
    root.append(box);
    this.select.addEventListener('change', () => onChoose(this.select.value));
    this.render(sourceLang);
  }

  // All words in uiLang (the language the page is shown in).
  render(uiLang) {
    this.uiLang = uiLang;
    this.labelEl.textContent = label(uiLang, 'translate');
    this.box?.setAttribute('aria-label', label(uiLang, 'translate'));
    const value = this.select.value || this.sourceLang;
    this.select.replaceChildren();
    const original = this.doc.createElement('option');
    original.value = this.sourceLang;
    original.textContent = `${label(uiLang, 'original')} (${languageName(this.sourceLang, uiLang)})`;
    this.select.append(original);
    for (const t of this.targets) {
      const o = this.doc.createElement('option');
      o.value = t;
      o.textContent = languageName(t, uiLang);
      o.lang = t;
      this.select.append(o);
    }
    this.select.value = value;
    this.privacy.textContent = label(uiLang, 'privacy');
  }

  // The one way the widget updates the picker: the page's language (selection and the picker's own
  // words follow it), a status key or an error, and the progress bar hidden unless downloading.
  show({ lang, status = null, error = null }) {
    this.render(lang);
    this.select.value = lang;
    this.setStatus(status, { error });
    if (status !== 'downloading') this.setProgress(0, 0);
  }

  setStatus(key, { error = null } = {}) {
    this.status.textContent = error ? `${label(this.uiLang, 'error')}: ${error}` : (key ? label(this.uiLang, key) : '');
    this.status.classList.toggle('error', !!error);
  }

  setProgress(loaded, total) {
    this.progress.hidden = !(total > 0 && loaded < total);
    if (total > 0) this.progress.value = loaded / total;
  }
}
