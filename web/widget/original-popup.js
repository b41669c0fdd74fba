// The original on demand: pointing at a translated block (after a short rest of the pointer) or
// focusing something in one (Tab to a link, a button, a focusable block) shows the block's
// original text in a small popup beside it, as a tooltip (role="tooltip", referenced by
// aria-describedby on what is pointed at or focused while it shows). Escape, the pointer leaving
// or focus moving on hides it. It never takes the pointer (pointer-events: none), sits below the
// block or above it so the block stays readable, is position: fixed (the page's layout does not
// move), and listens passively without stopping or preventing any event, so the page's own
// handlers (React, Vue) run as before. Its words are in an open shadow root: readable by page
// scripts, unstyled by the page. detach() removes every trace.
import { label } from './labels.js';

const HOVER_DELAY_MS = 350;
const GAP = 6;  // px between the block and the popup

const CSS = `
:host { all: initial; position: fixed; z-index: 2147483001; pointer-events: none; left: 0; top: 0; }
:host([hidden]) { display: none; }
.box { font: 13px/1.4 system-ui, sans-serif; color: #1d2433; background: #fffdf7; border: 1px solid #c9d1e0;
       border-radius: 8px; box-shadow: 0 4px 16px rgba(0,0,0,.16); padding: 8px 10px; max-width: min(480px, 90vw);
       max-height: 40vh; overflow: hidden; white-space: pre-wrap; overflow-wrap: anywhere; }
.label { font-size: 11px; font-weight: 600; color: #4a5568; text-transform: uppercase; letter-spacing: .04em; margin-bottom: 3px; }
.note { margin-top: 6px; font-size: 12px; color: #92400e; border-top: 1px dotted #d6b98a; padding-top: 4px; }
.note[hidden] { display: none; }
`;

let popups = 0;

export class OriginalPopup {
  // blockOf(node): the translated block the node is in, or null; originalOf(block): its original
  // text; unsure(block): true when it holds sentences marked unsure; uiLang(): the language shown.
  constructor(doc, { blockOf, originalOf, unsure, uiLang }) {
    this.doc = doc;
    this.blockOf = blockOf;
    this.originalOf = originalOf;
    this.unsure = unsure;
    this.uiLang = uiLang;
    this.id = `tw-original-${++popups}`;
    this.host = null;
    this.shown = null;  // { block, anchor, previous (its aria-describedby before) }
    this.timer = null;
    this.dismissed = null;  // the block Escape dismissed: stays hidden until pointer/focus move on
    const on = (type, fn) => [type, fn.bind(this)];
    this.listeners = [on('pointerover', this.onPointerOver), on('pointerout', this.onPointerOut),
      on('focusin', this.onFocusIn), on('focusout', this.onFocusOut), on('keydown', this.onKeyDown)];
    this.onViewportChange = () => this.hide();
  }

  attach() {
    if (this.host) return;
    const doc = this.doc;
    this.host = doc.createElement('div');
    this.host.id = this.id;
    this.host.setAttribute('data-translate-widget', '');
    this.host.setAttribute('translate', 'no');
    this.host.setAttribute('role', 'tooltip');
    this.host.hidden = true;
    const root = this.host.attachShadow({ mode: 'open' });
    const sheet = new doc.defaultView.CSSStyleSheet();
    sheet.replaceSync(CSS);
    root.adoptedStyleSheets = [sheet];
    this.box = doc.createElement('div');
    this.box.className = 'box';
    this.labelEl = doc.createElement('div');
    this.labelEl.className = 'label';
    this.textEl = doc.createElement('div');
    this.textEl.className = 'text';
    this.noteEl = doc.createElement('div');
    this.noteEl.className = 'note';
    this.box.append(this.labelEl, this.textEl, this.noteEl);
    root.append(this.box);
    doc.body.append(this.host);
    for (const [type, fn] of this.listeners) doc.addEventListener(type, fn, { passive: true, capture: true });
    doc.defaultView.addEventListener('scroll', this.onViewportChange, { passive: true, capture: true });
    doc.defaultView.addEventListener('resize', this.onViewportChange, { passive: true });
  }

  detach() {
    if (!this.host) return;
    this.hide();
    for (const [type, fn] of this.listeners) this.doc.removeEventListener(type, fn, { capture: true });
    this.doc.defaultView.removeEventListener('scroll', this.onViewportChange, { capture: true });
    this.doc.defaultView.removeEventListener('resize', this.onViewportChange);
    this.host.remove();
    this.host = null;
    this.dismissed = null;
  }

  onPointerOver(e) {
    const block = this.blockOf(e.target);
    if (!block) return;
    if (this.shown?.block === block || block === this.dismissed) return;
    clearTimeout(this.timer);
    const y = e.clientY;
    this.timer = setTimeout(() => this.show(block, block, y), HOVER_DELAY_MS);
  }

  onPointerOut(e) {
    const from = this.blockOf(e.target), to = e.relatedTarget ? this.blockOf(e.relatedTarget) : null;
    if (from && from === to) return;  // moving within the block
    clearTimeout(this.timer);
    if (this.dismissed === from) this.dismissed = null;
    if (this.shown && this.shown.block === from && this.shown.anchor === from) this.hide();
  }

  onFocusIn(e) {
    const block = this.blockOf(e.target);
    if (!block || block === this.dismissed) return;
    clearTimeout(this.timer);
    this.show(block, e.target, null);
  }

  onFocusOut(e) {
    if (this.dismissed === this.blockOf(e.target)) this.dismissed = null;
    if (this.shown?.anchor === e.target) this.hide();
  }

  onKeyDown(e) {
    if (e.key !== 'Escape' || !this.shown) return;
    this.dismissed = this.shown.block;
    this.hide();
  }

  // The popup for block, described by anchor (the block, or the focused element in it); pointerY:
  // where the pointer is, for blocks too tall to sit beside.
  show(block, anchor, pointerY) {
    if (!this.host || !block.isConnected) return;
    const text = this.originalOf(block).replace(/\s+/g, ' ').trim();
    if (!text) return;
    this.hide();
    const lang = this.uiLang();
    this.labelEl.textContent = label(lang, 'originalText');
    this.textEl.textContent = text;
    this.noteEl.textContent = label(lang, 'unsure');
    this.noteEl.hidden = !this.unsure(block);
    const previous = anchor.getAttribute('aria-describedby');
    anchor.setAttribute('aria-describedby', previous ? `${previous} ${this.id}` : this.id);
    this.shown = { block, anchor, previous };
    this.host.hidden = false;
    this.place(block.getBoundingClientRect(), pointerY);
  }

  hide() {
    clearTimeout(this.timer);
    if (!this.shown) return;
    const { anchor, previous } = this.shown;
    if (previous === null) anchor.removeAttribute('aria-describedby');
    else anchor.setAttribute('aria-describedby', previous);
    this.shown = null;
    if (this.host) this.host.hidden = true;
  }

  // Below the block if it fits, else above; a block taller than that: beside the pointer's line.
  place(rect, pointerY) {
    const win = this.doc.defaultView;
    const { width, height } = this.box.getBoundingClientRect();
    const vw = win.innerWidth, vh = win.innerHeight;
    let top;
    if (rect.bottom + GAP + height <= vh) top = rect.bottom + GAP;
    else if (rect.top - GAP - height >= 0) top = rect.top - GAP - height;
    else if (pointerY !== null) top = pointerY + 24 + height <= vh ? pointerY + 24 : Math.max(0, pointerY - 24 - height);
    else top = Math.max(0, vh - height - GAP);
    const left = Math.min(Math.max(GAP, rect.left), Math.max(GAP, vw - width - GAP));
    this.host.style.setProperty('transform', `translate(${Math.round(left)}px, ${Math.round(top)}px)`);
  }
}
