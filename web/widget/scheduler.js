// Order of work on a page: blocks in view first, the rest in the background (blocks that scroll
// into view jump the queue), everything cancelled when the page's language changes.
export class Scheduler {
  constructor(doc) {
    this.doc = doc;
    this.priority = [];
    const view = doc.defaultView;
    this.io = typeof view?.IntersectionObserver === 'function'
      ? new view.IntersectionObserver((entries) => { for (const e of entries) if (e.isIntersecting) this.priority.push(e.target); })
      : null;
  }

  // Splits blocks into those in view and the rest. An IntersectionObserver reports the initial
  // state of every target in its first callback, without a forced synchronous layout (which on a
  // page of thousands of blocks would itself be a long task).
  async byViewport(blocks) {
    const view = this.doc.defaultView;
    if (typeof view?.IntersectionObserver !== 'function' || !blocks.length) return { inView: [], later: blocks };
    const seen = new Map();
    await new Promise((resolve) => {
      const io = new view.IntersectionObserver((entries) => {
        for (const e of entries) seen.set(e.target, e.isIntersecting);
        if (seen.size >= blocks.length) { io.disconnect(); resolve(); }
      });
      for (const b of blocks) io.observe(b);
    });
    const inView = [], later = [];
    for (const b of blocks) (seen.get(b) ? inView : later).push(b);
    return { inView, later };
  }

  // Runs work(batch) over blocks, 8 at a time, visible ones first, while isCurrent().
  async background(blocks, work, isCurrent) {
    const done = new Set();
    this.priority = [];
    for (const b of blocks) this.io?.observe(b);
    let next = 0;
    while (isCurrent()) {
      const batch = [];
      while (batch.length < 8 && this.priority.length) {
        const b = this.priority.pop();
        if (!done.has(b)) { done.add(b); batch.push(b); }
      }
      while (batch.length < 8 && next < blocks.length) {
        const b = blocks[next++];
        if (!done.has(b)) { done.add(b); batch.push(b); }
      }
      if (!batch.length) break;
      await work(batch);
      // Cached sentences resolve without the worker: yield so the page stays responsive.
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    for (const b of blocks) this.io?.unobserve(b);
    return isCurrent();
  }
}
