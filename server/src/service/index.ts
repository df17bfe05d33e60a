import type { CodeAction, CompletionList, Diagnostic, DocumentLink, DocumentSymbol, FoldingRange, Hover, InlayHint, Location, Position, Range, TextEdit } from 'vscode-languageserver-types';
import { NEVER_CANCELLED, either, throwIfCancelled, type CancellationLike, type Pause } from './cancellation';
import type { ClientSettings, JobFamilyConfig } from './config';
import { Configuration, type ConfigFileState } from './configuration';
import { Documents, type DocumentLike } from './documents';
import { loadFamily, standaloneFamily, type Family, type FamilySources } from './family';
import { levelInsertion, placeholders, type LevelInsertion } from './features/authoring';
import { codeActions } from './features/codeActions';
import { anchorPageAt, completions, type CompletionEnv } from './features/completion';
import { toDiagnostic } from './features/diagnostics';
import { capPerRule, runRules, type RuleFinding } from './features/findings';
import { applyEdits, combineFixes, type FixSelection } from './features/fixes';
import { foldingRanges } from './features/folding';
import { hover } from './features/hover';
import { inlayHints } from './features/inlayHints';
import { definition, documentLinks } from './features/links';
import { documentSymbols } from './features/symbols';
import { GradeTable } from './grades/gradeTable';
import { HandbookIndex } from './handbook/index';
import { describeError, SILENT, type Logger } from './logger';
import { failedModel, parseModel, type JobFamilyModel } from './model/model';
import { RULES } from './rules';
import { pagesLinkedByAnchor } from './handbook/linkedPages';
import type { Rule } from './rules/types';
import { baseName, NO_WORKSPACE, parentUri, type Workspace } from './workspace';

export interface LanguageServiceOptions {
  readonly workspace?: Workspace;
  readonly logger?: Logger;
  /** Folder URI of the rule docs pages (`docs/rules`), for `codeDescription` links. */
  readonly docsBaseUri?: string;
  /** False in an untrusted workspace: the workspace's `.jobfamily.yml` is not read. Default true. */
  readonly trusted?: boolean;
  /** The config file to read instead of `.jobfamily.yml` in the first workspace folder. */
  readonly configUri?: string;
  /** Settings above every other layer (command-line options, tests). */
  readonly overrides?: Partial<JobFamilyConfig>;
  /** Lets the host's event loop run during long work (the server passes `setImmediate`). */
  readonly pause?: Pause;
  /** A clock in milliseconds, for time-slicing; default `Date.now`. */
  readonly now?: () => number;
}

/** Open documents whose diagnostics may have changed and should be asked for again. */
export interface Refresh {
  readonly uris: readonly string[];
}

export interface FileChange {
  readonly uri: string;
  readonly type: 'created' | 'changed' | 'deleted';
}

export interface FixAllResult {
  readonly text: string;
  readonly changed: boolean;
  /** The findings the fixes resolved, by rule code. */
  readonly fixed: ReadonlyMap<string, number>;
}

export interface FixOptions {
  /** Only fixes of these rules (codes or names). */
  readonly rules?: readonly string[];
  /** Also apply suggestions (fixes that insert placeholders or guess); never in CI. */
  readonly suggestions?: boolean;
}

export interface InitializeProgress {
  (done: number, total: number): void;
}

export interface LanguageService {
  readonly rules: readonly Rule[];
  /** The configuration in force, and the config file's problems. */
  readonly config: JobFamilyConfig;
  readonly configFile: ConfigFileState | undefined;
  /** The handbook checkouts of the workspace (read-only use: pages, resolution, size). */
  readonly index: HandbookIndex;

  /** Reads the configuration and indexes the handbook. Open documents are checked meanwhile; link checks start once the index is complete. */
  initialize(token: CancellationLike, progress?: InitializeProgress): Promise<Refresh>;
  /** The editor's `jobFamily.*` settings changed. */
  setSettings(settings: ClientSettings | null | undefined): Refresh;
  /** Whether a document is a job-family page (it matches `files`, or was opened as one). */
  isJobFamily(uri: string): boolean;

  /** `jobFamily: true` checks the document whatever `files` says (a file named on the command line). */
  openDocument(doc: DocumentLike, options?: { readonly jobFamily?: boolean }): Refresh;
  changeDocument(doc: DocumentLike): Refresh;
  closeDocument(uri: string, token: CancellationLike): Promise<Refresh>;
  /** Files created, changed or deleted outside the editor (the config file included). */
  filesChanged(changes: readonly FileChange[], token: CancellationLike): Promise<Refresh>;

  getModel(uri: string): JobFamilyModel | undefined;
  getFindings(uri: string, token: CancellationLike): Promise<RuleFinding[]>;
  getDiagnostics(uri: string, token: CancellationLike): Promise<Diagnostic[]>;
  getCodeActions(uri: string, range: Range, diagnostics: readonly Diagnostic[], only: readonly string[] | undefined, token: CancellationLike): Promise<CodeAction[]>;
  /** The safe fixes of the document, combined (what `source.fixAll` applies). */
  getFixAllEdits(uri: string, token: CancellationLike): Promise<TextEdit[]>;
  /** Applies fixes to a text until none is left; the text need not be open. */
  fixText(uri: string, text: string, options: FixOptions, token: CancellationLike): Promise<FixAllResult>;
  getCompletions(uri: string, position: Position, token: CancellationLike): Promise<CompletionList | null>;
  getHover(uri: string, position: Position, token: CancellationLike): Promise<Hover | null>;
  getDocumentSymbols(uri: string, token: CancellationLike): Promise<DocumentSymbol[]>;
  getDocumentLinks(uri: string, token: CancellationLike): Promise<DocumentLink[]>;
  getDefinition(uri: string, position: Position, token: CancellationLike): Promise<Location | null>;
  getFoldingRanges(uri: string, token: CancellationLike): Promise<FoldingRange[]>;
  /** Each level's grade at the end of its heading. */
  getInlayHints(uri: string, range: Range, token: CancellationLike): Promise<InlayHint[]>;
  /** Where "Add Level" puts a new level, with its snippet and the next grade. */
  getLevelInsertion(uri: string, position: Position, token: CancellationLike): Promise<LevelInsertion | null>;
  /** The `{add …}` placeholders and `[grade #]` of the page, in order. */
  getPlaceholders(uri: string, token: CancellationLike): Promise<Range[]>;
}

/** Findings of one document version under one configuration, index and family state. */
interface FindingsEntry {
  readonly key: string;
  readonly findings: Promise<RuleFinding[]>;
}

/** Fix passes stop when nothing changes; a page whose fixes keep changing it is a bug, reported, never looped on. */
const MAX_FIX_PASSES = 10;

/** Without a host's pause (the CLI, tests) long work yields to other promises only. */
const defaultPause: Pause = () => Promise.resolve();

/** How many pages' last models are kept for reuse, open or read as a family's sibling. */
const MAX_PARSED_MODELS = 256;

export function createLanguageService(options: LanguageServiceOptions = {}): LanguageService {
  const workspace = options.workspace ?? NO_WORKSPACE;
  const log = options.logger ?? SILENT;
  const pause = options.pause ?? defaultPause;
  const now = options.now ?? Date.now;
  const configuration = new Configuration(workspace, RULES, { trusted: options.trusted !== false, configUri: options.configUri, overrides: options.overrides });
  // The last model of each page's text, whoever parsed it: a page checked on its own and read
  // again as a sibling of its split family (or the reverse) is parsed once.
  const parsedModels = new Map<string, { readonly text: string; readonly model: JobFamilyModel }>();
  const parseShared = (uri: string, text: string, version: number, previous?: JobFamilyModel): JobFamilyModel => {
    const hit = parsedModels.get(uri);
    if (hit && hit.text === text) return hit.model.version === version ? hit.model : { ...hit.model, version };
    const model = parseModel(text, uri, version, previous);
    parsedModels.delete(uri);
    parsedModels.set(uri, { text, model });
    // Bounded: the pages worked on lately, oldest dropped first (a Map keeps insertion order).
    if (parsedModels.size > MAX_PARSED_MODELS) parsedModels.delete(parsedModels.keys().next().value!);
    return model;
  };
  const documents = new Documents(parseShared);
  const index = new HandbookIndex(workspace, log, (uri) => configuration.isJobFamily(uri));
  const findingsCache = new Map<string, FindingsEntry>();
  const gradeTables = new WeakMap<object, GradeTable>();
  const builtInGrades = new GradeTable();
  /** Bumps when the configuration in force changes. */
  let configEpoch = 0;
  /** Per folder: bumps when a page of a split family's folder changes, since its pages read each other. */
  const folderEpochs = new Map<string, number>();
  /** A folder with an `_index.md` holds a split family; pages of other folders do not depend on each other. */
  const isSplitFolder = (folder: string): boolean => {
    if (documents.get(`${folder}/_index.md`)) return true;
    const pages = index.folderPages(folder);
    // Without the index to ask, assume the pages may depend on each other.
    return pages === undefined || pages.some((p) => p.name === '_index.md');
  };
  const bumpFolder = (uri: string): boolean => {
    const folder = parentUri(uri);
    // An _index.md that comes or goes makes or unmakes the split family: its folder changes either way.
    if (!isSplitFolder(folder) && baseName(uri) !== '_index.md') return false;
    folderEpochs.set(folder, (folderEpochs.get(folder) ?? 0) + 1);
    return true;
  };

  const grades = (): GradeTable => {
    const data = configuration.current.grades;
    if (!data) return builtInGrades;
    let t = gradeTables.get(data);
    if (!t) {
      t = new GradeTable(data);
      gradeTables.set(data, t);
    }
    return t;
  };

  /** Every open job-family document but `except`. */
  const openOthers = (except?: string): string[] => documents.uris().filter((u) => u !== except && service.isJobFamily(u));
  /** Open documents in the same folder (a split family's other files). */
  const openSiblings = (uri: string): string[] => {
    const folder = parentUri(uri);
    return openOthers(uri).filter((u) => parentUri(u) === folder);
  };
  const refresh = (uris: Iterable<string>): Refresh => ({ uris: [...new Set(uris)] });

  // A split family's other pages, read from open documents, then the index's copies, then the workspace.
  const familySources: FamilySources = {
    listFolder: (folder) => Promise.resolve(index.folderPages(folder)).then((names) => names ?? workspace.readDirectory(folder)),
    async model(uri) {
      const open = documents.model(uri);
      if (open) return open;
      const text = index.pageText(uri) ?? (await workspace.readFile(uri));
      if (text === undefined) return undefined;
      try {
        return parseShared(uri, text, -1);
      } catch (e) {
        return failedModel(uri, -1, text, e);
      }
    },
  };

  /** The pages the page links to with an anchor: those whose anchors its checks, links and hovers look at. */
  const linkedPages = (model: JobFamilyModel): readonly string[] => {
    const handbook = index.links();
    return handbook ? pagesLinkedByAnchor(model, handbook) : [];
  };

  async function family(model: JobFamilyModel, token: CancellationLike): Promise<Family> {
    try {
      return await loadFamily(model, familySources, token);
    } catch (e) {
      if (token.isCancellationRequested) throw e;
      log.error(`Reading the family of ${model.uri} failed: ${describeError(e)}`);
      return standaloneFamily(model);
    }
  }

  async function computeFindings(uri: string, model: JobFamilyModel, token: CancellationLike): Promise<RuleFinding[]> {
    const fam = await family(model, token);
    const handbook = index.links();
    await index.readAnchors(linkedPages(model), token);
    return runRules(
      {
        model,
        family: fam,
        config: configuration.current,
        grades: grades(),
        handbook,
        terms: index.misusedTerms,
        onRuleError: (rule, error) => log.error(`Rule ${rule.meta.id} failed on ${uri}: ${describeError(error)}`),
      },
      token,
      pause,
      now,
    );
  }

  /** The findings of an open document's current version, computed once and shared by diagnostics and code actions. */
  function findingsOf(uri: string, token: CancellationLike): Promise<RuleFinding[]> {
    const doc = documents.get(uri);
    if (!doc || !service.isJobFamily(uri)) return Promise.resolve([]);
    const version = doc.version;
    const key = `${version}:${configEpoch}:${index.version}:${folderEpochs.get(parentUri(uri)) ?? 0}`;
    const hit = findingsCache.get(uri);
    if (hit && hit.key === key) return hit.findings;
    // A newer edit of the same document cancels this run; so does the request's own token.
    const superseded: CancellationLike = { get isCancellationRequested() { return documents.get(uri)?.version !== version; } };
    const model = documents.model(uri);
    if (!model) return Promise.resolve([]);
    const findings = computeFindings(uri, model, either(token, superseded));
    findingsCache.set(uri, { key, findings });
    // A cancelled or failed run must not be served to the next asker.
    findings.catch(() => {
      if (findingsCache.get(uri)?.findings === findings) findingsCache.delete(uri);
    });
    return findings;
  }

  /** Runs a feature on an open job-family document's model, or answers `empty`. */
  const withModel = <T>(uri: string, empty: T, token: CancellationLike, fn: (model: JobFamilyModel) => T): Promise<T> => {
    throwIfCancelled(token);
    if (!service.isJobFamily(uri)) return Promise.resolve(empty);
    const model = documents.model(uri);
    return Promise.resolve(model ? fn(model) : empty);
  };

  const indexForFeatures = () => (index.ready ? index : undefined);

  /** As withModel, for features that look at other pages' anchors: `pages` names them, read first. */
  const withAnchors = async <T>(uri: string, empty: T, token: CancellationLike, fn: (model: JobFamilyModel) => T, pages: (model: JobFamilyModel) => readonly string[] = linkedPages): Promise<T> => {
    throwIfCancelled(token);
    const model = service.isJobFamily(uri) ? documents.model(uri) : undefined;
    if (!model) return empty;
    await index.readAnchors(pages(model), token);
    return fn(model);
  };

  const service: LanguageService = {
    rules: RULES,
    get config() {
      return configuration.current;
    },
    get configFile() {
      return configuration.file;
    },
    index,

    async initialize(token, progress) {
      if (await configuration.load()) configEpoch++;
      throwIfCancelled(token);
      await index.build(token, progress);
      return refresh(openOthers());
    },

    setSettings(settings) {
      if (!configuration.setSettings(settings)) return refresh([]);
      configEpoch++;
      return refresh(openOthers());
    },

    isJobFamily: (uri) => documents.forced(uri) || configuration.isJobFamily(uri),

    openDocument(doc, opts) {
      documents.open(doc, opts?.jobFamily === true);
      const indexChanged = index.documentChanged(doc.uri, doc.getText());
      return indexChanged ? refresh(openOthers(doc.uri)) : refresh([]);
    },

    changeDocument(doc) {
      documents.change(doc);
      const split = bumpFolder(doc.uri);
      const indexChanged = index.documentChanged(doc.uri, doc.getText());
      return refresh(indexChanged ? openOthers(doc.uri) : split ? openSiblings(doc.uri) : []);
    },

    async closeDocument(uri, token) {
      const wasDirty = documents.close(uri);
      findingsCache.delete(uri);
      // A closed page's model is not kept: read again as a sibling, it is parsed from the index's copy.
      parsedModels.delete(uri);
      if (!wasDirty) return refresh([]);
      const indexChanged = await index.documentClosed(uri, token);
      const split = bumpFolder(uri);
      return refresh(indexChanged ? openOthers() : split ? openSiblings(uri) : []);
    },

    async filesChanged(changes, token) {
      const uris: string[] = [];
      for (const change of changes) {
        throwIfCancelled(token);
        if (configuration.isConfigFile(change.uri)) {
          if (await configuration.load()) {
            configEpoch++;
            uris.push(...openOthers());
          }
          continue;
        }
        // The index first: a new or removed _index.md decides whether the folder is a split family.
        if (await index.fileChanged(change.uri, change.type === 'deleted', token)) uris.push(...openOthers());
        if (bumpFolder(change.uri)) uris.push(...openSiblings(change.uri));
      }
      return refresh(uris);
    },

    getModel: (uri) => documents.model(uri),
    getFindings: (uri, token) => findingsOf(uri, token),

    async getDiagnostics(uri, token) {
      const findings = await findingsOf(uri, token);
      return capPerRule(findings).map((f) => toDiagnostic(f, options.docsBaseUri));
    },

    async getCodeActions(uri, range, diagnostics, only, token) {
      const findings = await findingsOf(uri, token);
      const model = documents.model(uri);
      if (!model) return [];
      // A comment can silence a finding in the page body, not inside the front matter or code.
      const suppressAt = (line: number) =>
        line >= model.bodyStartLine && !model.codeLines.has(line) && !model.unreadable
          ? { line, indent: /^\s*/.exec(model.lines.line(line))![0], eol: model.lines.eol }
          : undefined;
      return codeActions(uri, findings, range, diagnostics, only, suppressAt);
    },

    async getFixAllEdits(uri, token) {
      return combineFixes(await findingsOf(uri, token), { suggestions: false });
    },

    async fixText(uri, text, opts, token) {
      const selection: FixSelection = { suggestions: opts.suggestions === true, rules: opts.rules ? new Set(opts.rules.map((r) => RULES.find((x) => x.meta.id === r.toUpperCase() || x.meta.alias === r)?.meta.id ?? r)) : undefined };
      const fixed = new Map<string, number>();
      let current = text;
      for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
        const model = parseModel(current, uri, -1);
        const findings = await computeFindings(uri, model, token);
        const chosen = findings.filter((f) => f.fix && (!selection.rules || selection.rules.has(f.rule.meta.id)));
        const edits = combineFixes(chosen, selection);
        if (!edits.length) return { text: current, changed: current !== text, fixed };
        const next = applyEdits(model, edits);
        if (next === current) return { text: current, changed: current !== text, fixed };
        for (const f of chosen) if (f.fix && edits.includes(f.fix.edits[0]!)) fixed.set(f.rule.meta.id, (fixed.get(f.rule.meta.id) ?? 0) + 1);
        current = next;
      }
      log.error(`Fixes kept changing ${uri} after ${MAX_FIX_PASSES} passes; the last text is kept.`);
      return { text: current, changed: current !== text, fixed };
    },

    getCompletions: (uri, position, token) => {
      const env = (): CompletionEnv => ({ grades: grades(), index: indexForFeatures() });
      // After `path#`, the anchors of that page; nothing else a completion lists comes from other pages' text.
      const page = (m: JobFamilyModel): string[] => [anchorPageAt(m, position, env())].filter((u) => u !== undefined);
      return withAnchors(uri, null, token, (m) => completions(m, position, env()), page);
    },
    getHover: (uri, position, token) => withAnchors(uri, null, token, (m) => hover(m, position, grades(), indexForFeatures())),
    getDocumentSymbols: (uri, token) => withModel(uri, [], token, (m) => documentSymbols(m)),
    getDocumentLinks: (uri, token) => withAnchors(uri, [], token, (m) => documentLinks(m, indexForFeatures())),
    getDefinition: (uri, position, token) => withAnchors(uri, null, token, (m) => definition(m, position, indexForFeatures())),
    getFoldingRanges: (uri, token) => withModel(uri, [], token, (m) => foldingRanges(m)),
    getInlayHints: (uri, range, token) => withModel(uri, [], token, (m) => inlayHints(m, range)),
    getLevelInsertion: (uri, position, token) => withModel(uri, null, token, (m) => levelInsertion(m, position, grades()) ?? null),
    getPlaceholders: (uri, token) => withModel(uri, [], token, (m) => placeholders(m)),
  };
  return Object.freeze(service);
}

/** Checks one text as a job-family page: opens it, asks for its findings, closes it. For the CLI and tests. */
export async function lintText(service: LanguageService, uri: string, text: string, token: CancellationLike = NEVER_CANCELLED): Promise<RuleFinding[]> {
  const wasOpen = service.getModel(uri) !== undefined;
  if (!wasOpen) service.openDocument({ uri, version: 1, getText: () => text }, { jobFamily: true });
  try {
    return await service.getFindings(uri, token);
  } finally {
    if (!wasOpen) await service.closeDocument(uri, token);
  }
}

export { mergeConfig, DEFAULT_CONFIG, parseConfigFile, CONFIG_FILE_NAME, DEFAULT_FILES, CONFIG_LIMITS, settingsLayer, type JobFamilyConfig, type ClientSettings } from './config';
export { RULES, findRule } from './rules';
export type { Rule, RuleMeta, Severity, SeveritySetting, FixKind } from './rules/types';
export type { Workspace, DirectoryEntry, FileStat } from './workspace';
export type { DocumentLike } from './documents';
export type { JobFamilyModel } from './model/model';
export type { RuleFinding } from './features/findings';
export type { Logger } from './logger';
export { CancelledError, NEVER_CANCELLED, type CancellationLike, type Pause } from './cancellation';
export { FIX_ALL_KIND } from './features/fixAllKind';
export { DIAGNOSTIC_SOURCE } from './features/diagnostics';
export { matchesGlobs } from './util/glob';
export { HandbookIndex } from './handbook/index';
export type { LevelInsertion } from './features/authoring';
export { SNIPPETS, expandSnippet, fillPlaceholder, withPlaceholderDefault, type Snippet } from './snippets';
