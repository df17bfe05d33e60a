import { throwIfCancelled, type CancellationLike } from '../cancellation';
import type { Logger } from '../logger';
import { normalizeSitePath } from '../model/links';
import { baseName, isInside, joinUri, parentUri, type DirectoryEntry, type Workspace } from '../workspace';
import { findCheckouts, type Checkout } from './checkout';
import { factsSignature } from './signature';
import { extractFrontMatter, extractPage, isPublished, type PageFacts } from './extract';
import type { HandbookLinks, HandbookPage, Resolution } from './links';
import { parseRedirectTemplate, Redirects, type RedirectRule } from './redirects';
import { Suggester } from './suggest';
import { PageHeadings } from './headings';
import { parseMisusedTerms, type MisusedTerm } from '../model/terms';

export interface IndexedPage extends HandbookPage, Omit<PageFacts, 'headings'> {
  readonly headings: PageHeadings;
  readonly aliases: readonly string[];
  /** The page's text, kept only for the job-family pages of split families (they read each other). */
  readonly text: string | undefined;
  /**
   * A cheap fingerprint of the text the facts were read from, to skip re-reading the same
   * text; undefined when not worked out (an open page being typed in: most keystrokes keep
   * its facts, and its next read compares nothing).
   */
  readonly hash: number | undefined;
  /** Hugo does not write it: a draft, build options that do not render it, a headless bundle. */
  readonly unpublished: boolean;
  /** The job-family paths it links to, for pages outside job-families: how complete that folder is. */
  readonly familyLinks: readonly string[];
}

/** A `lookup` answer as kept: the page by its uri. */
type KnownResolution =
  | Exclude<Resolution, { status: 'page' | 'redirect' }>
  | { readonly status: 'page'; readonly page: string }
  | { readonly status: 'redirect'; readonly page: string | undefined; readonly target: string; readonly origin: string };

/**
 * What a new text of a page changed for links: nothing; only what a link can find in it
 * (title, description, anchors); or where pages are (a page added, moved, published or not,
 * its aliases, its links into job-families).
 */
type Change = 'none' | 'content' | 'paths';

/** No handbook is that big; past this the walk stops rather than exhaust memory. */
const MAX_PAGES = 100_000;
const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);
/** Deeper than any handbook folder; a deeper walk is a loop or a trap. */
const MAX_DEPTH = 32;
/**
 * A checkout's job-families folder is taken as complete when the rest of the site's links into it
 * resolve: at least this share of at least MIN_CROSS_LINKS distinct targets. A copy of some job
 * families (a sample, a sparse checkout) fails this, and then a missing job family is not judged.
 */
const COMPLETE_SHARE = 0.8;
const MIN_CROSS_LINKS = 20;
const FAMILY_LINK = /\]\((?:https:\/\/(?:handbook|about)\.gitlab\.com)?(\/job-families\/[^)#\s?]*)/g;
/** A redirect that leads to another redirect is followed this many times, as a browser would. */
const MAX_HOPS = 5;
const PAGE_FILE = /\.(?:md|html)$/;

/**
 * The pages of the handbook checkouts open in the workspace: their site paths, titles,
 * aliases and heading anchors, as Hugo publishes them, and the site's redirects. Built in
 * the background, kept up to date from file events, with open pages' unsaved text taking
 * precedence. Reads go through the workspace, which stays inside the workspace folders;
 * resolving a link never reads anything.
 */
export class HandbookIndex {
  readonly #workspace: Workspace;
  readonly #log: Logger | undefined;
  readonly #keepText: (uri: string) => boolean;
  #checkouts: Checkout[] = [];
  readonly #pages = new Map<string, IndexedPage>();
  /** Published pages by normalised site path. */
  readonly #byPath = new Map<string, string>();
  /** Every page's uri by the folder it is in: a split family asks for its folder on every edit. */
  readonly #byFolder = new Map<string, Set<string>>();
  /**
   * Folders with an `_index.md`: split families, whose pages read each other. Only their
   * pages' texts are kept; a standalone page is read from disk when it is needed at all.
   */
  readonly #splitFolders = new Set<string>();
  /** Open pages, with the fingerprint of the text on disk when they were opened. */
  readonly #openDisk = new Map<string, number | undefined>();
  /** Per open page, the facts signature of the text last read for the index. */
  readonly #signatures = new Map<string, string>();
  readonly #templateRules = new Map<string, RedirectRule[]>();
  #redirects: Map<Checkout, Redirects> | undefined;
  #suggester: Suggester | undefined;
  #familiesComplete: boolean | undefined;
  #terms: readonly MisusedTerm[] = [];
  #built = false;
  #version = 0;
  /** What `lookup` answered, a page by its uri, since the paths last changed. */
  #lookups = new Map<string, KnownResolution>();
  /**
   * Pages whose anchors and headings are not read yet. Building the index reads every page's
   * front matter only; a page's anchors are read when something looks at them (readAnchors):
   * the findings, links, hovers and completions of a page that links to it with an anchor.
   */
  readonly #anchorsUnread = new Set<string>();

  constructor(workspace: Workspace, log?: Logger, keepText: (uri: string) => boolean = () => false) {
    this.#workspace = workspace;
    this.#log = log;
    this.#keepText = keepText;
  }

  /** Bumps whenever a path, title, anchor or redirect changes. */
  get version(): number {
    return this.#version;
  }

  get size(): number {
    return this.#pages.size;
  }

  get ready(): boolean {
    return this.#built && this.#checkouts.length > 0;
  }

  get checkouts(): readonly Checkout[] {
    return this.#checkouts;
  }

  pages(): IterableIterator<IndexedPage> {
    return this.#pages.values();
  }

  page(uri: string): IndexedPage | undefined {
    return this.#pages.get(uri);
  }

  /** Finds the handbook checkouts and indexes every page. `progress` is told as pages are read. */
  async build(token: CancellationLike, progress?: (done: number, total: number) => void): Promise<void> {
    this.#checkouts = await findCheckouts(this.#workspace, token);
    this.#pages.clear();
    this.#lookups.clear();
    this.#anchorsUnread.clear();
    this.#byPath.clear();
    this.#byFolder.clear();
    this.#templateRules.clear();
    for (const c of this.#checkouts) {
      if (!c.redirectsTemplate) continue;
      const text = await this.#workspace.readFile(c.redirectsTemplate);
      if (text !== undefined) this.#templateRules.set(c.redirectsTemplate, parseRedirectTemplate(text, 'layouts/index.redirects'));
    }
    this.#terms = [];
    for (const c of this.#checkouts) {
      const text = await this.#workspace.readFile(termsUri(c));
      if (text !== undefined) this.#terms = [...this.#terms, ...parseMisusedTerms(text)];
    }
    const files: string[] = [];
    for (const c of this.#checkouts) for (const dir of c.walk) await this.#walk(dir, files, 0, new Set(), token);
    this.#splitFolders.clear();
    for (const uri of files) if (baseName(uri) === '_index.md') this.#splitFolders.add(parentUri(uri));
    let done = 0;
    const batch = 64;
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
    this.#changed();
    this.#logCoverage();
  }

  #logCoverage(): void {
    if (!this.#log) return;
    for (const c of this.#checkouts) {
      const pages = [...this.#pages.values()].filter((p) => p.uri.startsWith(c.content + '/')).length;
      this.#log.log(`Handbook index: ${pages} pages in ${c.folder} (${[...c.parts].sort().join(', ')}).`);
      if (!c.whole) {
        this.#log.log(`Links into the site are checked only against the pages in this folder: it holds ${[...c.parts].join(', ')} but not the whole handbook, so a page that is not here may still exist on the site. Links to pages that are not here are not reported.`);
      }
    }
    if (!this.#checkouts.length) this.#log.log('No handbook checkout is open (a folder with content/handbook or content/job-families): links to other pages are not checked.');
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
      } else if (PAGE_FILE.test(e.name) && out.length < MAX_PAGES) out.push(uri);
    }
  }

  #checkoutOf(uri: string): Checkout | undefined {
    return this.#checkouts.find((c) => c.walk.some((w) => uri.startsWith(w + '/')));
  }

  /** The pages of a folder the index covers, as directory entries; undefined when the folder is not indexed. */
  folderPages(folder: string): DirectoryEntry[] | undefined {
    if (!this.#built || !this.#checkoutOf(folder + '/x')) return undefined;
    return [...(this.#byFolder.get(folder) ?? [])].map((uri) => ({ name: baseName(uri), isDirectory: false }));
  }

  /** The kept text of a job-family page. */
  pageText(uri: string): string | undefined {
    return this.#pages.get(uri)?.text;
  }

  /**
   * Something a link can see changed. Redirects, suggestions and how complete the job
   * families are depend on which pages are published where (and their aliases and links into
   * job-families), not on titles or headings: typing in a heading leaves them be.
   */
  #changed(what: Exclude<Change, 'none'> = 'paths'): void {
    this.#version++;
    this.#lookups.clear();
    if (what === 'content') return;
    this.#redirects = undefined;
    this.#suggester = undefined;
    this.#familiesComplete = undefined;
  }

  /**
   * Adds or replaces a page, and says what links can see of it changed. Its anchors and
   * headings are read when `full` (an open page, or readAnchors asking), or when they were
   * read before (something looked at them, and must hear when they change); otherwise they
   * wait for readAnchors.
   */
  #put(uri: string, text: string, full = false): Change {
    this.#signatures.delete(uri);
    const checkout = this.#checkoutOf(uri);
    if (!checkout || !PAGE_FILE.test(uri)) return 'none';
    const old = this.#pages.get(uri);
    const frontMatterOnly = !full && (!old || this.#anchorsUnread.has(uri));
    // Only a page read in full is compared with its next text: the front matter alone is read again at little cost.
    const hash = frontMatterOnly ? undefined : fingerprint(text);
    if (old && hash !== undefined && old.hash === hash) return 'none';
    const facts = frontMatterOnly ? extractFrontMatter(text) : extractPage(text, { html: uri.endsWith('.html') });
    const path = sitePathOf(uri, checkout.content, facts);
    if (old) this.#remove(uri);
    if (frontMatterOnly) this.#anchorsUnread.add(uri);
    if (baseName(uri) === '_index.md') this.#splitFolders.add(parentUri(uri));
    const page: IndexedPage = {
      ...detached(facts),
      uri,
      path,
      unpublished: !isPublished(facts, baseName(uri)),
      openAnchors: facts.anchorsOpen,
      // A page's text is a string of its own (read from disk or the editor), kept as it is.
      text: this.#keepText(uri) && this.#splitFolders.has(parentUri(uri)) ? text : undefined,
      hash,
      familyLinks: isFamilyPage(uri) || !text.includes('/job-families/') ? NONE : copies([...new Set([...text.matchAll(FAMILY_LINK)].map((m) => m[1]!))]),
    };
    this.#pages.set(uri, page);
    const folder = parentUri(uri);
    const inFolder = this.#byFolder.get(folder);
    if (inFolder) inFolder.add(uri);
    else this.#byFolder.set(folder, new Set([uri]));
    if (!page.unpublished) this.#byPath.set(normalizeSitePath(path), uri);
    if (!old || old.path !== path || old.unpublished !== page.unpublished) this.#lookups.clear();
    if (!old || old.path !== page.path || old.unpublished !== page.unpublished || !sameList(old.aliases, page.aliases) || !sameList(old.familyLinks, page.familyLinks)) return 'paths';
    return old.title !== page.title || old.description !== page.description || !sameList(old.anchors, page.anchors) ? 'content' : 'none';
  }

  #remove(uri: string): void {
    this.#signatures.delete(uri);
    this.#anchorsUnread.delete(uri);
    const old = this.#pages.get(uri);
    if (!old) return;
    this.#pages.delete(uri);
    this.#lookups.clear();
    const folder = parentUri(uri);
    if (baseName(uri) === '_index.md') this.#splitFolders.delete(folder);
    const inFolder = this.#byFolder.get(folder);
    inFolder?.delete(uri);
    if (inFolder?.size === 0) this.#byFolder.delete(folder);
    const key = normalizeSitePath(old.path);
    if (this.#byPath.get(key) === uri) this.#byPath.delete(key);
  }

  /** The handbook's misused-terms list (`data/misused_terms.yml` of the checkout), as the language rules use it. */
  get misusedTerms(): readonly MisusedTerm[] {
    return this.#terms;
  }

  /** A file was created, changed or deleted on disk. Returns true when the index changed. */
  async fileChanged(uri: string, deleted: boolean, token: CancellationLike): Promise<boolean> {
    if (this.#checkouts.some((c) => termsUri(c) === uri)) {
      this.#terms = [];
      for (const c of this.#checkouts) {
        const text = await this.#workspace.readFile(termsUri(c));
        if (text !== undefined) this.#terms = [...this.#terms, ...parseMisusedTerms(text)];
      }
      this.#changed();
      return true;
    }
    const template = this.#checkouts.find((c) => c.redirectsTemplate === uri || joinUri(joinUri(c.folder, 'layouts'), 'index.redirects') === uri);
    if (template) {
      const text = deleted ? undefined : await this.#workspace.readFile(uri);
      this.#templateRules.set(uri, text === undefined ? [] : parseRedirectTemplate(text, 'layouts/index.redirects'));
      this.#changed();
      return true;
    }
    if (!this.#checkoutOf(uri)) return false;
    throwIfCancelled(token);
    if (this.#openDisk.has(uri) && !deleted) {
      // The editor's text wins; what is on disk counts again when the page is closed.
      this.#openDisk.set(uri, undefined);
      return false;
    }
    if (deleted) {
      const had = this.#pages.has(uri);
      this.#remove(uri);
      if (had) this.#changed();
      return had;
    }
    if (!PAGE_FILE.test(uri) || !isInside(uri, this.#workspace.folders)) return false;
    const text = await this.#workspace.readFile(uri);
    // Opened while the disk was read: the editor's text wins.
    if (text === undefined || this.#openDisk.has(uri)) return false;
    const changed = this.#put(uri, text);
    if (changed !== 'none') this.#changed(changed);
    return changed !== 'none';
  }

  /**
   * Reads the anchors and headings of those pages that do not have them yet (lazy anchors),
   * before a check that looks at them. What the page has does not change, only what is known
   * of it: the index's version stays.
   */
  async readAnchors(uris: Iterable<string>, token: CancellationLike): Promise<void> {
    const unread = [...new Set(uris)].filter((uri) => this.#anchorsUnread.has(uri));
    if (!unread.length) return;
    throwIfCancelled(token);
    const texts = await Promise.all(unread.map((uri) => this.#workspace.readFile(uri)));
    unread.forEach((uri, k) => {
      const before = this.#pages.get(uri);
      const text = texts[k];
      if (!before || text === undefined || !this.#anchorsUnread.has(uri)) return;
      const changed = this.#put(uri, text, true);
      const after = this.#pages.get(uri);
      // Anchors read for the first time are no change; other facts differ only if the file changed since.
      if (changed === 'paths' || (changed === 'content' && (before.title !== after?.title || before.description !== after?.description))) this.#changed(changed);
    });
  }

  /** An open page's unsaved text. Returns true when links elsewhere may resolve differently. */
  documentChanged(uri: string, text: string): boolean {
    if (!this.#checkoutOf(uri)) return false;
    if (!this.#openDisk.has(uri)) this.#openDisk.set(uri, this.#pages.get(uri)?.hash);
    const signature = factsSignature(text, !isFamilyPage(uri));
    const old = this.#pages.get(uri);
    if (old && this.#signatures.get(uri) === signature) {
      // Only lines that cannot change the page's facts changed: keep them, with the new text.
      // The editor's text is a string of its own (not a slice of a larger one): kept as it is.
      this.#pages.set(uri, { ...old, text: old.text !== undefined ? text : undefined, hash: undefined });
      return false;
    }
    const changed = this.#put(uri, text, true);
    this.#signatures.set(uri, signature);
    if (changed !== 'none') this.#changed(changed);
    return changed !== 'none';
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
    // Opened again while the disk was read: the editor's text is the page again.
    if (this.#openDisk.has(uri)) return false;
    if (text === undefined) {
      const had = this.#pages.has(uri);
      this.#remove(uri);
      if (had) this.#changed();
      return had;
    }
    const changed = this.#put(uri, text);
    if (changed !== 'none') this.#changed(changed);
    return changed !== 'none';
  }

  /** Link resolution, or undefined when no handbook checkout is open (the link checks then stay silent). */
  links(): HandbookLinks | undefined {
    if (!this.ready) return undefined;
    return {
      resolve: (path) => this.lookup(path),
      resolveRef: (arg, from) => {
        const page = this.resolveRef(arg, from);
        if (page) return { status: 'page', page };
        return this.#judged('/handbook/') ? { status: 'missing' } : { status: 'unknown', why: 'the checkout does not hold the whole site' };
      },
      suggest: (path) => this.suggestPath(path),
    };
  }

  /** A published page at exactly this path (no redirect). */
  pageAt(path: string): IndexedPage | undefined {
    const key = normalizeSitePath(path.replace(/\.md$/, ''));
    const uri = this.#byPath.get(key) ?? this.#byPath.get(key.replace(/\/(?:_index|index)$/, ''));
    return uri ? this.#pages.get(uri) : undefined;
  }

  /** The page a link lands on, redirects followed; undefined when none. For features (hover, go to definition). */
  resolve(path: string): IndexedPage | undefined {
    const r = this.lookup(path);
    return r.status === 'page' ? (r.page as IndexedPage) : r.status === 'redirect' ? (r.page as IndexedPage | undefined) : undefined;
  }

  /**
   * How the published site answers a path: a page, a redirect, nothing, or "cannot know here".
   * Answers are kept until a path, a redirect or the set of pages changes; a page comes back as
   * its newest record (an open page's is replaced on each keystroke).
   */
  lookup(path: string): Resolution {
    const known = this.#lookups.get(path);
    if (known) return this.#withPage(known);
    const found = this.#lookupNow(path);
    this.#lookups.set(path, found.status === 'page' ? { status: 'page', page: found.page.uri } : found.status === 'redirect' ? { ...found, page: found.page?.uri } : found);
    return found;
  }

  #withPage(known: KnownResolution): Resolution {
    if (known.status !== 'page' && known.status !== 'redirect') return known;
    const page = known.page === undefined ? undefined : this.#pages.get(known.page);
    if (known.status === 'page') return page ? { status: 'page', page } : { status: 'missing' };
    return { ...known, page };
  }

  #lookupNow(path: string): Resolution {
    let current = path;
    let first: { target: string; origin: string } | undefined;
    for (let hop = 0; hop <= MAX_HOPS; hop++) {
      const page = this.pageAt(current);
      if (page) return first ? { status: 'redirect', page, target: current, origin: first.origin } : { status: 'page', page };
      const checkout = this.#checkoutFor(current);
      const match = checkout ? this.#redirectsOf(checkout).match(current) : undefined;
      if (match) {
        first ??= { target: match.target, origin: match.rule.origin };
        if (/^[a-z][a-z0-9+.-]*:/i.test(match.target)) return { status: 'redirect', page: undefined, target: match.target, origin: first.origin };
        current = match.target;
        continue;
      }
      if (!this.#judged(current)) return { status: 'unknown', why: `the checkout does not hold ${firstSegment(current) || 'that part of the site'}` };
      return first ? { status: 'missing', redirectedTo: current } : { status: 'missing' };
    }
    return { status: 'missing', redirectedTo: current };
  }

  /** The checkout that serves a site path: the first whole one, else the first. */
  #checkoutFor(_path: string): Checkout | undefined {
    return this.#checkouts.find((c) => c.whole) ?? this.#checkouts[0];
  }

  /** Whether a missing page at this path is known to be missing: only in a whole checkout that holds that part of the site. */
  #judged(path: string): boolean {
    const part = firstSegment(path);
    if (part === 'job-families' && !this.#jobFamiliesComplete()) return false;
    return this.#checkouts.some((c) => c.whole && c.parts.has(part));
  }

  /** Whether the site's own links into job-families resolve here, as they do in a full checkout. */
  #jobFamiliesComplete(): boolean {
    if (this.#familiesComplete === undefined) {
      const targets = new Set<string>();
      for (const p of this.#pages.values()) for (const l of p.familyLinks) targets.add(l);
      let found = 0;
      for (const t of targets) if (this.pageAt(t) || this.#checkoutFor(t)?.whole && this.#redirectsOf(this.#checkoutFor(t)!).match(t)) found++;
      this.#familiesComplete = targets.size < MIN_CROSS_LINKS || found / targets.size >= COMPLETE_SHARE;
      if (!this.#familiesComplete) this.#log?.log(`Only ${found} of the ${targets.size} job families the handbook links to are in this checkout: it holds a part of content/job-families, so a link to a job family that is not here is not reported.`);
    }
    return this.#familiesComplete;
  }

  #redirectsOf(checkout: Checkout): Redirects {
    this.#redirects ??= new Map();
    let r = this.#redirects.get(checkout);
    if (!r) {
      r = new Redirects(this.#rulesOf(checkout));
      this.#redirects.set(checkout, r);
    }
    return r;
  }

  /** The rules of the site's `_redirects`, in the order the redirects template writes them. */
  #rulesOf(checkout: Checkout): RedirectRule[] {
    const pages = [...this.#pages.values()].filter((p) => !p.unpublished && p.uri.startsWith(checkout.content + '/')).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const rules: RedirectRule[] = [];
    for (const p of pages) {
      for (const alias of p.aliases) {
        const from = alias.startsWith('/') ? alias : `${parentPath(p.path)}${alias}`;
        rules.push({ from, to: p.path, status: 301, origin: `the aliases of ${p.path}` });
      }
    }
    if (checkout.whole) {
      // One rule per handbook section whose name is not a top-level section of its own.
      const handbook = `${checkout.content}/handbook/`;
      for (const p of pages) {
        if (!p.uri.startsWith(handbook) || !/\/_index\.(?:md|html)$/.test(p.uri)) continue;
        const section = p.uri.slice(handbook.length).split('/');
        if (section.length !== 2 || checkout.parts.has(section[0]!)) continue;
        const name = p.path.replace(/^\/handbook\//, '/');
        rules.push({ from: `${name}*`, to: `${p.path}:splat`, status: 301, origin: `the section rule for ${p.path}` });
      }
    }
    if (checkout.redirectsTemplate) rules.push(...(this.#templateRules.get(checkout.redirectsTemplate) ?? []));
    return rules;
  }

  /** Hugo's `ref`: an absolute path, a path relative to the page's section, or a unique page name. */
  resolveRef(arg: string, fromUri: string): IndexedPage | undefined {
    const clean = arg.split('#')[0]!.replace(/\.md$/, '').replace(/\/(?:_index|index)$/, '').trim();
    if (!clean) return this.#pages.get(fromUri);
    if (clean.startsWith('/')) return this.pageAt(clean);
    const from = this.#pages.get(fromUri);
    if (from) {
      const base = from.path.replace(/\/$/, '');
      const section = /\/(?:_index|index)\.(?:md|html)$/.test(fromUri) ? base : base.slice(0, base.lastIndexOf('/'));
      const relative = this.pageAt(`${section}/${clean}`);
      if (relative) return relative;
    }
    const suffix = `/${normalizeSitePath(clean).replace(/^\//, '')}`;
    for (const [key, uri] of this.#byPath) if (key.endsWith(suffix)) return this.#pages.get(uri);
    return undefined;
  }

  /** The closest published path to a broken one, or undefined; cheap, and cached per index state. */
  suggestPath(path: string): string | undefined {
    this.#suggester ??= new Suggester([...this.#pages.values()].filter((p) => !p.unpublished).map((p) => p.path));
    return this.#suggester.suggest(path);
  }

  /** Published site paths, for completion. */
  publishedPages(): IndexedPage[] {
    return [...this.#pages.values()].filter((p) => !p.unpublished);
  }
}

/** A job-family page: its own links into job families say nothing about how complete that folder is. */
function isFamilyPage(uri: string): boolean {
  return uri.includes('/job-families/');
}

function termsUri(c: Checkout): string {
  return joinUri(joinUri(c.folder, 'data'), 'misused_terms.yml');
}

function firstSegment(path: string): string {
  return path.replace(/^\/+/, '').split(/[/#?]/)[0]!.toLowerCase();
}

function parentPath(path: string): string {
  const p = path.replace(/\/$/, '');
  return p.slice(0, p.lastIndexOf('/') + 1);
}

/**
 * The path Hugo publishes a content file at: `/handbook/hiring/` for
 * `<content>/handbook/hiring/_index.md`, `/handbook/values/` for `values.md` or
 * `values/index.md`, `/` for `_index.html`. Each segment is sanitized as Hugo does
 * (spaces to `-`, characters other than letters, digits, marks and `._-+~@#\` dropped,
 * hyphens not doubled) and lower-cased; a front-matter `slug` replaces the file (or leaf
 * bundle folder) name, and a front-matter `url` is the path as written.
 */
export function sitePathOf(uri: string, contentRoot: string, facts?: Pick<PageFacts, 'url' | 'slug'>): string {
  if (facts?.url) {
    const url = facts.url.startsWith('/') ? facts.url : `/${facts.url}`;
    return /\.[^/]*$/.test(url) || url.endsWith('/') ? url : `${url}/`;
  }
  let rel = uri.slice(contentRoot.length);
  try {
    rel = decodeURIComponent(rel);
  } catch {
    // keep the encoded form
  }
  const segments = rel.replace(/\.(?:md|html)$/, '').split('/').filter(Boolean);
  const last = segments[segments.length - 1];
  const section = last === '_index';
  const bundle = last === 'index';
  if (section || bundle) segments.pop();
  if (facts?.slug && !section && segments.length) segments[segments.length - 1] = facts.slug;
  const path = segments.map(sanitizeSegment).filter(Boolean).join('/');
  return path ? `/${path}/` : '/';
}

/** Hugo's UnicodeSanitize of a path, then lower case (the site keeps `disablePathToLower` off). */
function sanitizeSegment(segment: string): string {
  let out = '';
  let pendingHyphen = false;
  let wasHyphen = false;
  const chars = [...segment];
  chars.forEach((ch, i) => {
    const allowed = '._-+~@#/\\'.includes(ch) || /[\p{L}\p{Nd}\p{M}]/u.test(ch) || (ch === '%' && /^[0-9a-fA-F]{2}$/.test((chars[i + 1] ?? '') + (chars[i + 2] ?? '')));
    if (allowed) {
      wasHyphen = ch === '-';
      if (pendingHyphen && !wasHyphen) out += '-';
      pendingHyphen = false;
      out += ch;
    } else if (out && !wasHyphen && /\s/u.test(ch)) pendingHyphen = true;
  });
  return [...out].map((ch) => (ch === '\u0130' ? 'i' : ch.toLowerCase())).join('');
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

/**
 * The facts with every string copied: a heading's text or the title read from the page is a
 * slice of the page's text, and a slice keeps the whole text alive (thousands of pages).
 */
function detached(facts: PageFacts): Omit<PageFacts, 'headings'> & { readonly headings: PageHeadings } {
  const copy = (v: string | undefined): string | undefined => (v === undefined ? undefined : copyOf(v));
  // A heading's id is also in the anchors: one copy serves both.
  const ids = new Map<string, string>();
  const id = (v: string): string => {
    let c = ids.get(v);
    if (c === undefined) ids.set(v, (c = copyOf(v)));
    return c;
  };
  return {
    ...facts,
    title: copy(facts.title),
    description: copy(facts.description),
    url: copy(facts.url),
    slug: copy(facts.slug),
    aliases: copies(facts.aliases),
    anchors: facts.anchors.map(id),
    headings: new PageHeadings(facts.headings, id, copyOf),
    includes: copies(facts.includes),
    openReasons: copies(facts.openReasons),
  };
}

/** Most pages have no aliases, includes or open anchors: they share one empty list. */
const NONE: readonly string[] = Object.freeze([]);

function copies(list: readonly string[]): readonly string[] {
  return list.length ? list.map(copyOf) : NONE;
}

/**
 * A flat copy of `s`, holding nothing else alive. A slice (`' ' + s` then `.slice(1)`, or
 * `substring`) of 13 or more characters is a view that keeps its whole parent string, and the
 * view itself costs as much as a short id; the JSON round trip gives a string of its own.
 * Exact for every string, lone surrogates included.
 */
function copyOf(s: string): string {
  return JSON.parse(JSON.stringify(s)) as string;
}
