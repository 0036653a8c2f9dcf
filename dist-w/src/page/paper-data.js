// src/page/paper-data.ts
import { authorShard } from "./format.js";
var PaperData = class {
  /** `base`: the search data folder (manifest.json's), as given to ChunkedIndex.open. */
  constructor(fetchJson, base, index) {
    this.fetchJson = fetchJson;
    this.base = base;
    this.index = index;
    this.manifest = index.manifest;
  }
  fetchJson;
  base;
  index;
  files = /* @__PURE__ */ new Map();
  manifest;
  file(path) {
    let p = this.files.get(path);
    if (!p) {
      p = this.fetchJson(`${this.base}${this.manifest.root}${path}`);
      p.catch(() => this.files.delete(path));
      this.files.set(path, p);
    }
    return p;
  }
  /** The person with author key `key` (name and papers' short ids), or null when no paper has it. */
  async author(key) {
    if (!key || !this.manifest.authors?.count) return null;
    const shard = await this.file(`a/${authorShard(key, this.manifest.authors.count)}.json`);
    return Object.hasOwn(shard, key) ? shard[key] : null;
  }
  /** What the paper page adds for short id `shortId`, or null when no document holds it. */
  async paper(shortId) {
    const block = this.manifest.papers.block;
    const chunk = await this.file(`p/${Math.floor(shortId / block)}.json`);
    return chunk.docs[shortId - chunk.start] ?? null;
  }
  /**
   * The short id of the paper with id `id`, or null: a search for the id first (arXiv IDs are
   * indexed: one small fetch), then the doc chunks in order.
   */
  async shortIdOf(id) {
    const hit = (await this.index.search(id, {}, 50)).find((h) => h.id === id);
    if (hit) return hit.shortId;
    for (let n = 0; n < this.manifest.docs.count; n++) {
      const c = await this.index.docs(n);
      const i = c.ids.indexOf(id);
      if (i >= 0) return c.start + i;
    }
    return null;
  }
};
export {
  PaperData
};
//# sourceMappingURL=paper-data.js.map
