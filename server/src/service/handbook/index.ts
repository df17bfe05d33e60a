import { throwIfCancelled, type CancellationLike } from '../cancellation';
import type { Logger } from '../logger';
import { normalizeSitePath } from '../model/links';
import { editDistance } from '../util/distance';
import { baseName, isInside, joinUri, parentUri, type DirectoryEntry, type Workspace } from '../workspace';
import { extractPage, type PageFacts } from './extract';
import type { HandbookLinks, HandbookPage } from './links';

export interface IndexedPage extends HandbookPage, PageFacts {
  readonly aliases: readonly string[];
  /** The page's text, kept only for job-family pages (split families read each other). */
  readonly text: string | undefined;
  /** A cheap fingerprint of the text the facts were read from, to skip re-reading the same text. */
  readonly hash: number;
}

interface Root {
  readonly folder: string;
  /** `<folder>/content` */
  readonly content: string;
}

/** No handbook is that big; past this the walk stops rather than exhaust memory. */
const MAX_PAGES = 100_000;
const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);
/** Deeper than any handbook folder; a deeper walk is a loop or a trap. */
const MAX_DEPTH = 32;

/**
 * The pages of the handbook checkouts open in the workspace: their site paths, titles,
 * aliases and heading anchors, as Hugo publishes them. Built in the background, kept up
 * to date from file events, with open pages' unsaved text taking precedence. Reads go
 * through the workspace, which stays inside the workspace folders; resolving a link
 * never reads anything.
 */
export class HandbookIndex {
  readonly #workspace: Workspace;
  readonly #log: Logger | undefined;
  #roots: Root[] = [];
  readonly #pages = new Map<string, IndexedPage>();
  readonly #byPath = new Map<string, string>();
  readonly #byAlias = new Map<string, string>();
  /** Open pages, with the fingerprint of the text on disk when they were opened. */
  readonly #openDisk = new Map<string, number | undefined>();
  readonly #keepText: (uri: string) => boolean;
  #built = false;
  #version = 0;

  constructor(workspace: Workspace, log?: Logger, keepText: (uri: string) => boolean = () => false) {
    this.#workspace = workspace;
    this.#log = log;
    this.#keepText = keepText;
  }

  /** Bumps whenever a path, title or anchor changes. */
  get version(): number {
    return this.#version;
  }

  get size(): number {
    return this.#pages.size;
  }

  get ready(): boolean {
    return this.#built && this.#roots.length > 0;
  }

  pages(): IterableIterator<IndexedPage> {
    return this.#pages.values();
  }

  page(uri: string): IndexedPage | undefined {
    return this.#pages.get(uri);
  }

  /** Finds the handbook checkouts and indexes every page. `progress` is told as pages are read. */
  async build(token: CancellationLike, progress?: (done: number, total: number) => void): Promise<void> {
    this.#roots = [];
    this.#pages.clear();
    this.#byPath.clear();
    this.#byAlias.clear();
    for (const folder of this.#workspace.folders) {
      const content = joinUri(folder, 'content');
      const entries = await this.#workspace.readDirectory(content);
      if (entries?.some((e) => e.isDirectory && (e.name === 'handbook' || e.name === 'job-families'))) this.#roots.push({ folder, content });
    }
    const files: string[] = [];
    for (const root of this.#roots) await this.#walk(root.content, files, 0, new Set(), token);
    let done = 0;
    const batch = 32;
    for (let i = 0; i < files.length; i += batch) {
      throwIfCancelled(token);
      const slice = files.slice(i, i + batch);
      const texts = await Promise.all(slice.map((uri) => (this.#openDisk.has(uri) ? Promise.resolve(undefined) : this.#workspace.readFile(uri))));
      slice.forEach((uri, k) => {
        const text = texts[k];
        if (text !== undefined) this.#put(uri, text);
      });
      done += slice.length;
      progress?.(done, files.length);
    }
    this.#built = true;
    this.#version++;
    this.#log?.log(`Handbook index: ${this.#pages.size} pages in ${this.#roots.length} checkout(s).`);
  }

  /** Every page below `dir`. Linked folders are not followed (Hugo does not follow them either), so no loop can form. */
  async #walk(dir: string, out: string[], depth: number, seen: Set<string>, token: CancellationLike): Promise<void> {
    if (out.length >= MAX_PAGES || depth > MAX_DEPTH || seen.has(dir)) return;
    seen.add(dir);
    throwIfCancelled(token);
    const entries = await this.#workspace.readDirectory(dir);
    if (!entries) return;
    for (const e of entries) {
      if (e.name.startsWith('.') || SKIP_DIRS.has(e.name)) continue;
      const uri = joinUri(dir, e.name);
      if (e.isDirectory) {
        if (!e.isSymbolicLink) await this.#walk(uri, out, depth + 1, seen, token);
      } else if (e.name.endsWith('.md') && out.length < MAX_PAGES) out.push(uri);
    }
  }

  /** The pages of a folder the index covers, as directory entries; undefined when the folder is not indexed. */
  folderPages(folder: string): DirectoryEntry[] | undefined {
    if (!this.#built || !this.#rootOf(folder + '/x')) return undefined;
    const out: DirectoryEntry[] = [];
    for (const uri of this.#pages.keys()) if (parentUri(uri) === folder) out.push({ name: baseName(uri), isDirectory: false });
    return out;
  }

  /** The kept text of a job-family page. */
  pageText(uri: string): string | undefined {
    return this.#pages.get(uri)?.text;
  }

  #rootOf(uri: string): Root | undefined {
    return this.#roots.find((r) => uri.startsWith(r.content + '/'));
  }

  /** Adds or replaces a page; true when what links can see of it changed. */
  #put(uri: string, text: string): boolean {
    const root = this.#rootOf(uri);
    if (!root || !uri.endsWith('.md')) return false;
    const hash = fingerprint(text);
    const old = this.#pages.get(uri);
    if (old && old.hash === hash) return false;
    const facts = extractPage(text);
    const path = sitePathOf(uri, root.content);
    if (old) this.#remove(uri);
    const page: IndexedPage = { uri, path, ...facts, text: this.#keepText(uri) ? copyOf(text) : undefined, hash };
    this.#pages.set(uri, page);
    this.#byPath.set(normalizeSitePath(path), uri);
    for (const a of facts.aliases) this.#byAlias.set(normalizeSitePath(a), uri);
    return !old || old.title !== page.title || old.description !== page.description || !sameList(old.anchors, page.anchors) || !sameList(old.aliases, page.aliases);
  }

  #remove(uri: string): void {
    const old = this.#pages.get(uri);
    if (!old) return;
    this.#pages.delete(uri);
    const key = normalizeSitePath(old.path);
    if (this.#byPath.get(key) === uri) this.#byPath.delete(key);
    for (const a of old.aliases) {
      const k = normalizeSitePath(a);
      if (this.#byAlias.get(k) === uri) this.#byAlias.delete(k);
    }
  }

  /** A file was created, changed or deleted on disk. Returns true when the index changed. */
  async fileChanged(uri: string, deleted: boolean, token: CancellationLike): Promise<boolean> {
    if (!this.#rootOf(uri)) return false;
    throwIfCancelled(token);
    if (this.#openDisk.has(uri) && !deleted) {
      // The editor's text wins; what is on disk counts again when the page is closed.
      this.#openDisk.set(uri, undefined);
      return false;
    }
    if (deleted) {
      const had = this.#pages.has(uri);
      this.#remove(uri);
      if (had) this.#version++;
      return had;
    }
    if (!uri.endsWith('.md') || !isInside(uri, this.#workspace.folders)) return false;
    const text = await this.#workspace.readFile(uri);
    if (text === undefined) return false;
    const changed = this.#put(uri, text);
    if (changed) this.#version++;
    return changed;
  }

  /** An open page's unsaved text. Returns true when links elsewhere may resolve differently. */
  documentChanged(uri: string, text: string): boolean {
    if (!this.#rootOf(uri)) return false;
    if (!this.#openDisk.has(uri)) this.#openDisk.set(uri, this.#pages.get(uri)?.hash);
    const changed = this.#put(uri, text);
    if (changed) this.#version++;
    return changed;
  }

  /** An open page was closed: its saved text counts again. */
  async documentClosed(uri: string, token: CancellationLike): Promise<boolean> {
    if (!this.#openDisk.has(uri)) return false;
    const disk = this.#openDisk.get(uri);
    this.#openDisk.delete(uri);
    // Closed with the text it was opened with: what the index holds is what is on disk.
    if (disk !== undefined && this.#pages.get(uri)?.hash === disk) return false;
    throwIfCancelled(token);
    const text = await this.#workspace.readFile(uri);
    if (text === undefined) {
      this.#remove(uri);
      this.#version++;
      return true;
    }
    const changed = this.#put(uri, text);
    if (changed) this.#version++;
    return changed;
  }

  /** Link resolution, or undefined when no handbook checkout is open (the link checks then stay silent). */
  links(): HandbookLinks | undefined {
    if (!this.ready) return undefined;
    return {
      resolve: (path) => this.resolve(path),
      resolveRef: (arg, from) => this.resolveRef(arg, from),
      suggestPaths: (path, limit) => this.suggestPaths(path, limit),
    };
  }

  resolve(path: string): IndexedPage | undefined {
    const key = normalizeSitePath(path.replace(/\.md$/, ''));
    const uri = this.#byPath.get(key) ?? this.#byAlias.get(key) ?? this.#byPath.get(key.replace(/\/(?:_index|index)$/, ''));
    return uri ? this.#pages.get(uri) : undefined;
  }

  /** Hugo's `ref`: an absolute path, a path relative to the page's section, or a unique page name. */
  resolveRef(arg: string, fromUri: string): IndexedPage | undefined {
    const clean = arg.split('#')[0]!.replace(/\.md$/, '').replace(/\/(?:_index|index)$/, '').trim();
    if (!clean) return this.#pages.get(fromUri);
    if (clean.startsWith('/')) return this.resolve(clean);
    const from = this.#pages.get(fromUri);
    if (from) {
      const base = from.path.replace(/\/$/, '');
      const section = /\/(?:_index|index)\.md$/.test(fromUri) ? base : base.slice(0, base.lastIndexOf('/'));
      const relative = this.resolve(`${section}/${clean}`);
      if (relative) return relative;
    }
    const suffix = `/${normalizeSitePath(clean).replace(/^\//, '')}`;
    for (const [key, uri] of this.#byPath) if (key.endsWith(suffix)) return this.#pages.get(uri);
    return undefined;
  }

  suggestPaths(path: string, limit: number): string[] {
    const key = normalizeSitePath(path);
    const budget = Math.max(2, Math.floor(key.length / 5));
    const scored: { path: string; d: number }[] = [];
    for (const page of this.#pages.values()) {
      const d = editDistance(key, normalizeSitePath(page.path), budget);
      if (d <= budget) scored.push({ path: page.path, d });
    }
    return scored.sort((a, b) => a.d - b.d).slice(0, limit).map((s) => s.path);
  }

  /** The folder a page's relative links resolve from (for completions). */
  folderOf(uri: string): string {
    return parentUri(uri);
  }
}

/** `/handbook/hiring/` for `<content>/handbook/hiring/_index.md`, `/handbook/values/` for `values.md`. */
export function sitePathOf(uri: string, contentRoot: string): string {
  let rel = uri.slice(contentRoot.length).replace(/\.md$/, '');
  rel = rel.replace(/\/(?:_index|index)$/, '');
  try {
    rel = decodeURIComponent(rel);
  } catch {
    // keep the encoded form
  }
  return `${rel || ''}/`;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** FNV-1a over the text's UTF-16 units, with its length: equal texts always agree, and a changed text almost never does. */
function fingerprint(text: string): number {
  let h = 0x811c9dc5 ^ text.length;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** A copy that does not keep the (possibly much larger) string it came from alive. */
function copyOf(s: string): string {
  return (' ' + s).slice(1);
}
