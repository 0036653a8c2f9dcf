// pipeline/cache/feed-cache.ts
import { closeSync, mkdirSync, openSync, readFileSync, readSync, rmSync } from "node:fs";
import { readdir, rm } from "node:fs/promises";
import path from "node:path";
import { decodeCacheFile, encodeCacheFile, sha256, writeEntryFile } from "./cache-file.js";
import { ShardStore } from "./shard-store.js";
var ITEMS_FORMAT = "daily-papers-feed-items@2";
var ARCHIVES_FORMAT = "daily-papers-feed-archive@2";
var DOCUMENTS = ["rss", "atom", "json"];
var HEADER_BYTES = 2048;
var FeedCache = class {
  constructor(cacheDir, versions) {
    this.versions = versions;
    this.dir = cacheDir === null ? null : path.join(cacheDir, "feeds");
    this.items = this.dir === null ? null : new ShardStore(
      path.join(this.dir, "items"),
      ITEMS_FORMAT,
      versions.items,
      (v) => v !== null && typeof v === "object",
      (file, reason) => this.problem(file, reason)
    );
  }
  versions;
  /** `feeds/` under the cache folder, or null: in-run sharing only. */
  dir;
  archiveHits = 0;
  archiveMisses = 0;
  /** Cache files found corrupt or foreign in this run (each was rebuilt). */
  discarded = [];
  /** The item shards: every item the last publishing run used, by key (null: no cache folder). */
  items;
  /** Items built without a cache folder (no key to store them by). */
  unkeyedMisses = 0;
  /** Items this run gave out, by the object they were built for (the run's sharing). */
  byObject = /* @__PURE__ */ new WeakMap();
  /** Archive keys this run used; the documents it built, to write once it has published. */
  archivesUsed = /* @__PURE__ */ new Set();
  archivesBuilt = /* @__PURE__ */ new Map();
  /** Each site's JSON, for item keys. */
  sites = /* @__PURE__ */ new WeakMap();
  /** The key of each item this run gave out (with a cache folder): archive keys name items by it. */
  itemKeys = /* @__PURE__ */ new WeakMap();
  /** Items taken from the item shards. */
  get itemHits() {
    return this.items?.hits ?? 0;
  }
  /** Items built. */
  get itemMisses() {
    return (this.items?.misses ?? 0) + this.unkeyedMisses;
  }
  archiveFile(key) {
    return path.join(this.dir, "archives", `${key}.bin`);
  }
  problem(file, reason) {
    this.discarded.push({ file: path.relative(path.dirname(this.dir), file), reason });
  }
  siteJson(site) {
    let json = this.sites.get(site);
    if (json === void 0) this.sites.set(site, json = JSON.stringify(site));
    return json;
  }
  /** Reads the item shards of the last published run, those that are usable. Never throws. */
  async load() {
    await this.items?.load();
  }
  /**
   * The item `build` makes for `of` (a paper, day or week) on `site`, given `published` and
   * `updated` (epoch ms): built once per run and per content, and taken from the item shards when
   * the last published run built it. `build` must read nothing but `site` and `of` (both JSON
   * data) and the times, and its other fields must not depend on the times; `kind` tells the
   * builders apart. Keyed by sha256 of kind, site and `of` as JSON; without a cache folder, by
   * the objects themselves (nothing to hash: the same paper object in several feeds). `digest`,
   * when the caller has one, is sha256 of `of`'s JSON (pipeline/cache/paper-digest.ts): the key
   * is then sha256 of kind, site and that digest, and `of` is not serialized.
   */
  item(kind, site, of, published, updated, build, digest) {
    const seen = this.byObject.get(of);
    let content = seen !== void 0 && seen.site === site && seen.kind === kind ? seen.content : void 0;
    let key = seen?.key ?? null;
    if (content === void 0) {
      const withoutTimes = () => {
        const { published: _p, updated: _u, ...built } = build();
        return built;
      };
      key = this.dir === null ? null : digest === void 0 ? sha256(`${kind}\0${JSON.stringify([site, of])}`) : sha256(`${kind}\0${this.siteJson(site)}\0${digest}`);
      if (key === null || this.items === null) {
        this.unkeyedMisses++;
        content = withoutTimes();
      } else content = this.items.value(key, withoutTimes);
      this.byObject.set(of, { kind, site, key, content });
    }
    const item = { ...content, published, updated };
    if (key !== null) this.itemKeys.set(item, key);
    return item;
  }
  /**
   * The documents of a feed on `site`: `render()`, or, for a complete archive document
   * (`complete`) with a cache folder, the bytes (UTF-8) the last published run rendered for the
   * same input: the site and the planned feed, whose items this cache gave out are taken by
   * their key and times (their content is what the key names), the others as they are. The
   * serializers must read nothing but `site` and `feed`. A hit reads the file's header only
   * (`CachedDocuments`): its documents are read on first access.
   */
  archive(complete, site, feed, render) {
    if (!complete || this.dir === null) return render();
    const items = feed.items.map((item) => {
      const key2 = this.itemKeys.get(item);
      return key2 === void 0 ? item : [key2, item.published, item.updated];
    });
    const input = [ARCHIVES_FORMAT, this.versions.documents, this.versions.items, site, { ...feed, items }];
    const key = sha256(JSON.stringify(input));
    this.archivesUsed.add(key);
    const file = this.archiveFile(key);
    const header = this.archiveHeader(file, key);
    if (header !== null) {
      this.archiveHits++;
      return this.cachedDocuments(file, key, header, render);
    }
    this.archiveMisses++;
    return this.renderArchive(key, render);
  }
  renderArchive(key, render) {
    const text = render();
    const docs = { rss: Buffer.from(text.rss), atom: Buffer.from(text.atom), json: Buffer.from(text.json) };
    this.archivesBuilt.set(key, docs);
    return docs;
  }
  /** The header of archive file `file` when it is one of this key, format and V8 version; null on a miss (a problem is recorded). */
  archiveHeader(file, key) {
    let head;
    try {
      const fd = openSync(file, "r");
      try {
        head = Buffer.alloc(HEADER_BYTES);
        head = head.subarray(0, readSync(fd, head, 0, HEADER_BYTES, 0));
      } finally {
        closeSync(fd);
      }
    } catch {
      return null;
    }
    const newline = head.indexOf(10);
    let header;
    try {
      header = JSON.parse(newline < 0 ? readFileSync(file, "utf8").split("\n", 1)[0] : head.toString("utf8", 0, newline));
    } catch {
      this.problem(file, "header is not JSON");
      return null;
    }
    const docs = header?.docs;
    const valid = docs !== null && typeof docs === "object" && DOCUMENTS.every((d) => typeof docs[d]?.sha256 === "string" && Number.isInteger(docs[d]?.size));
    if (header?.format !== ARCHIVES_FORMAT) this.problem(file, `foreign format ${JSON.stringify(header?.format)}`);
    else if (header.key !== key) this.problem(file, "key does not match its file name");
    else if (!valid) this.problem(file, "header has the wrong shape");
    else if (header.v8 === process.versions.v8) return header;
    return null;
  }
  /** The documents of a header hit: `known` from the header, the bytes read and checked on first access. */
  cachedDocuments(file, key, header, render) {
    let docs = null;
    let known = header.docs;
    const load = () => {
      if (docs !== null) return docs;
      let bytes = null;
      try {
        bytes = readFileSync(file);
      } catch (error) {
        this.problem(file, `cannot be read: ${error instanceof Error ? error.message : String(error)}`);
      }
      const decoded = bytes === null ? null : decodeCacheFile(bytes, ARCHIVES_FORMAT, (h) => h.key !== key ? "key does not match its file name" : null);
      if (decoded !== null && "payload" in decoded) {
        const payload = decoded.payload;
        if (payload && DOCUMENTS.every((d) => payload[d] instanceof Uint8Array && sha256(payload[d]) === header.docs[d].sha256)) return docs = payload;
        this.problem(file, "payload does not match its header");
      } else if (decoded !== null && "problem" in decoded) this.problem(file, decoded.problem);
      else if (decoded !== null) this.problem(file, "written by another V8 version");
      docs = this.renderArchive(key, render);
      known = contentOf(docs);
      return docs;
    };
    return {
      get known() {
        return known;
      },
      get rss() {
        return load().rss;
      },
      get atom() {
        return load().atom;
      },
      get json() {
        return load().json;
      }
    };
  }
  /**
   * What this run would write, serialized now, for a publishing run to `write` once its output is
   * in place: each item shard whose items differ from those this run used from it (a new or
   * changed item, or one no longer used; a shard left with none is removed), and the archive
   * documents built. Null when there is nothing to write
   * (or no cache folder). Frees the items and documents it holds.
   */
  stage() {
    const items = this.items;
    if (items === null || this.dir === null) return null;
    const shards = items.stage();
    const archives = [...this.archivesBuilt].map(([key, docs]) => ({
      file: this.archiveFile(key),
      bytes: encodeCacheFile({ format: ARCHIVES_FORMAT, key, docs: contentOf(docs) }, docs)
    }));
    this.archivesBuilt.clear();
    if (shards.length === 0 && archives.length === 0) return null;
    const dir = this.dir;
    return {
      items: shards.length > 0,
      itemShards: shards.length,
      archives: archives.length,
      write: async () => {
        if (archives.length) mkdirSync(path.dirname(archives[0].file), { recursive: true });
        for (const { file, bytes } of archives) writeEntryFile(file, bytes);
        if (shards.length === 0) return;
        items.write(shards);
        rmSync(path.join(dir, "items.bin"), { force: true });
      }
    };
  }
  /**
   * The archive documents of the cache folder this run did not use (months that changed or are
   * gone, old versions, temporary files of killed runs), as absolute paths; removes nothing. Only
   * meaningful after the feeds step ran: a publishing run passes them to `remove`.
   */
  async unused() {
    if (this.dir === null) return [];
    const dir = path.join(this.dir, "archives");
    let names;
    try {
      names = await readdir(dir);
    } catch {
      return [];
    }
    return names.sort().filter((name) => !this.archivesUsed.has(name.replace(/\.bin$/, ""))).map((name) => path.join(dir, name));
  }
  /** Removes `files` (from `unused`); returns how many were removed. Never throws. */
  async remove(files) {
    let removed = 0;
    for (const file of files) await rm(file, { force: true }).then(() => removed++, () => void 0);
    return removed;
  }
};
function contentOf(docs) {
  const of = (bytes) => ({ sha256: sha256(bytes), size: bytes.byteLength });
  return { rss: of(docs.rss), atom: of(docs.atom), json: of(docs.json) };
}
export {
  ARCHIVES_FORMAT,
  FeedCache,
  ITEMS_FORMAT
};
//# sourceMappingURL=feed-cache.js.map
