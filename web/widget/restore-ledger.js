// What the page said before we translated it, so restore() can give it back exactly.
//
// The widget changes only two things: the `data` of text nodes and the values of readable
// attributes. Each is written through this ledger, which keeps the page's original the first time
// and hands it back later. When the page itself changes a node we have translated (a framework
// updating its state), that new value becomes the original: restore() returns the page's latest
// text, never a stale copy.
export class RestoreLedger {
  constructor() {
    this.texts = new Map();  // Text -> original data
    this.attrs = new Map();  // Element -> Map(name -> original value, null when absent)
  }

  textOf = (node) => (this.texts.has(node) ? this.texts.get(node) : node.data);

  attrOf = (el, name) => {
    const saved = this.attrs.get(el);
    return saved?.has(name) ? saved.get(name) : el.getAttribute(name);
  };

  isTracked(node) {
    return this.texts.has(node);
  }

  writeText(node, data) {
    if (!this.texts.has(node)) this.texts.set(node, node.data);
    node.data = data;
  }

  writeAttr(el, name, value) {
    if (!this.attrs.has(el)) this.attrs.set(el, new Map());
    const saved = this.attrs.get(el);
    if (!saved.has(name)) saved.set(name, el.getAttribute(name));
    el.setAttribute(name, value);
  }

  // The page wrote into a node or attribute we had translated: its value is the new original.
  pageWroteText(node) {
    if (this.texts.has(node)) this.texts.set(node, node.data);
  }

  pageWroteAttr(el, name) {
    const saved = this.attrs.get(el);
    if (saved?.has(name)) saved.set(name, el.getAttribute(name));
  }

  forgetText(node) {
    this.texts.delete(node);
  }

  restore() {
    for (const [node, data] of this.texts) if (node.data !== data) node.data = data;
    for (const [el, saved] of this.attrs) {
      for (const [name, value] of saved) {
        if (value === null) el.removeAttribute(name);
        else if (el.getAttribute(name) !== value) el.setAttribute(name, value);
      }
    }
    this.texts.clear();
    this.attrs.clear();
  }
}
