import type { CodeAction, CompletionList, Diagnostic, DocumentLink, DocumentSymbol, FoldingRange, Hover, Location, Position, Range, TextEdit } from 'vscode-languageserver-types';
import { levelInsertion, placeholders, type LevelInsertion } from './features/authoring';
import { completions } from './features/completions';
import { foldingRanges } from './features/folding';
import { hover } from './features/hover';
import { definition, documentLinks } from './features/links';
import { documentSymbols } from './features/symbols';
import { HandbookIndex } from './handbook/index';
import type { JobFamilyConfig } from './config';
import { loadFamily, standaloneFamily, type Family } from './family';
import { codeActions } from './features/codeActions';
import { toDiagnostic } from './features/diagnostics';
import { runRules, type RuleFinding } from './features/findings';
import { applyEdits, combineFixes } from './features/fixes';
import { GradeTable } from './grades/gradeTable';
import { parseModel, type JobFamilyModel } from './model/model';
import { RULES } from './rules';
import type { CancellationLike, Rule } from './rules/types';
import { NO_WORKSPACE, type Workspace } from './workspace';

/** The least the service needs of a document: what `TextDocument` has. */
export interface DocumentLike {
  readonly uri: string;
  readonly version: number;
  getText(): string;
}

export interface Logger {
  log(message: string): void;
  error(message: string): void;
}

export interface LanguageServiceOptions {
  readonly workspace?: Workspace;
  readonly logger?: Logger;
  /** Folder URI of the rule docs pages (`docs/rules`), for `codeDescription` links. */
  readonly docsBaseUri?: string;
}

export interface FixAllResult {
  readonly text: string;
  readonly passes: number;
  readonly changed: boolean;
}

export interface LanguageService {
  readonly rules: readonly Rule[];
  /** The handbook checkouts of the workspace; build it once, then feed it file events. */
  readonly index: HandbookIndex;
  getModel(doc: DocumentLike): JobFamilyModel;
  getFamily(doc: DocumentLike, token?: CancellationLike): Promise<Family>;
  getFindings(doc: DocumentLike, config: JobFamilyConfig, token?: CancellationLike): Promise<RuleFinding[]>;
  computeDiagnostics(doc: DocumentLike, config: JobFamilyConfig, token?: CancellationLike): Promise<Diagnostic[]>;
  getCodeActions(doc: DocumentLike, range: Range, diagnostics: readonly Diagnostic[], only: readonly string[] | undefined, config: JobFamilyConfig, token?: CancellationLike): Promise<CodeAction[]>;
  getFixAllEdits(doc: DocumentLike, config: JobFamilyConfig, token?: CancellationLike): Promise<TextEdit[]>;
  /** Applies every fix, re-checking until nothing fixable is left (at most 10 passes). */
  fixAll(uri: string, text: string, config: JobFamilyConfig): Promise<FixAllResult>;
  /** Forgets cached models of a document (closed, deleted). */
  forget(uri: string): void;
  /** A document's text changed: other pages' findings may depend on it (split families). */
  changed(uri: string): void;
  getCompletions(doc: DocumentLike, position: Position, config: JobFamilyConfig): CompletionList;
  getHover(doc: DocumentLike, position: Position, config: JobFamilyConfig): Hover | null;
  getDocumentSymbols(doc: DocumentLike): DocumentSymbol[];
  getDocumentLinks(doc: DocumentLike): DocumentLink[];
  getDefinition(doc: DocumentLike, position: Position): Location | null;
  getFoldingRanges(doc: DocumentLike): FoldingRange[];
  /** Where "Add Level" puts a new level, with its snippet and the next grade. */
  getLevelInsertion(doc: DocumentLike, position: Position, config: JobFamilyConfig): LevelInsertion | undefined;
  /** The `{add …}` placeholders and `[grade #]` of the page, in order. */
  getPlaceholders(doc: DocumentLike): Range[];
}

/** Findings of one document version under one configuration and index state. */
interface FindingsEntry {
  readonly version: number;
  readonly length: number;
  readonly config: JobFamilyConfig;
  readonly indexVersion: number;
  readonly findings: Promise<RuleFinding[]>;
}

interface CacheEntry {
  readonly version: number;
  readonly text: string;
  readonly model: JobFamilyModel;
}

export function createLanguageService(options: LanguageServiceOptions = {}): LanguageService {
  const workspace = options.workspace ?? NO_WORKSPACE;
  const models = new Map<string, CacheEntry>();
  // Diagnostics and code actions ask for the same version's findings: compute them once.
  const findingsCache = new Map<string, FindingsEntry>();
  const gradeTables = new WeakMap<object, GradeTable>();
  const builtInGrades = new GradeTable();
  const index = new HandbookIndex(workspace, options.logger);
  const links = () => index.links();

  const modelOf = (uri: string, text: string, version = -1): JobFamilyModel => {
    const hit = models.get(uri);
    if (hit && (version >= 0 ? hit.version === version && hit.text.length === text.length : hit.text === text)) return hit.model;
    const model = parseModel(text, uri, version);
    models.set(uri, { version, text, model });
    return model;
  };
  const gradesFor = (config: JobFamilyConfig): GradeTable => {
    if (!config.grades) return builtInGrades;
    let t = gradeTables.get(config.grades);
    if (!t) {
      t = new GradeTable(config.grades);
      gradeTables.set(config.grades, t);
    }
    return t;
  };

  async function computeFindings(doc: DocumentLike, config: JobFamilyConfig, token: CancellationLike | undefined): Promise<RuleFinding[]> {
    const model = service.getModel(doc);
    const family = await service.getFamily(doc, token);
    return runRules({
      model,
      family,
      config,
      grades: gradesFor(config),
      handbook: links(),
      token,
      onRuleError: (rule, error) => options.logger?.error(`Rule ${rule.meta.id} failed on ${doc.uri}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
    });
  }

  const service: LanguageService = {
    rules: RULES,
    index,
    getModel: (doc) => modelOf(doc.uri, doc.getText(), doc.version),
    async getFamily(doc) {
      const model = service.getModel(doc);
      try {
        return await loadFamily(model, workspace, (uri, text) => modelOf(uri, text));
      } catch (e) {
        options.logger?.error(`Reading the family of ${doc.uri} failed: ${String(e)}`);
        return standaloneFamily(model);
      }
    },
    getFindings(doc, config, token) {
      const hit = findingsCache.get(doc.uri);
      const length = doc.getText().length;
      if (doc.version >= 0 && hit && hit.version === doc.version && hit.length === length && hit.config === config && hit.indexVersion === index.version) {
        return hit.findings;
      }
      const findings = computeFindings(doc, config, token);
      if (doc.version >= 0) {
        findingsCache.set(doc.uri, { version: doc.version, length, config, indexVersion: index.version, findings });
        // A cancelled run must not be served to the next asker.
        void findings.then(
          () => token?.isCancellationRequested && findingsCache.delete(doc.uri),
          () => findingsCache.delete(doc.uri),
        );
      }
      return findings;
    },
    async computeDiagnostics(doc, config, token) {
      const findings = await service.getFindings(doc, config, token);
      return findings.map((f) => toDiagnostic(f, options.docsBaseUri));
    },
    async getCodeActions(doc, range, diagnostics, only, config, token) {
      const findings = await service.getFindings(doc, config, token);
      const model = service.getModel(doc);
      // A comment can silence a finding in the page body, not inside the front matter or code.
      const suppressAt = (line: number) =>
        line >= model.bodyStartLine && !model.codeLines.has(line) && !model.unreadable
          ? { line, indent: /^\s*/.exec(model.lines.line(line))![0], eol: model.lines.eol }
          : undefined;
      return codeActions(doc.uri, findings, range, diagnostics, only, suppressAt);
    },
    async getFixAllEdits(doc, config, token) {
      return combineFixes(await service.getFindings(doc, config, token));
    },
    async fixAll(uri, text, config) {
      let current = text;
      let passes = 0;
      for (; passes < 10; passes++) {
        const doc = { uri, version: -1, getText: () => current };
        const edits = await service.getFixAllEdits(doc, config);
        if (!edits.length) break;
        const next = applyEdits(modelOf(uri, current), edits);
        if (next === current) break;
        current = next;
      }
      return { text: current, passes, changed: current !== text };
    },
    forget(uri) {
      models.delete(uri);
      // Files of a family affect each other's findings.
      findingsCache.clear();
    },
    changed(uri) {
      for (const key of findingsCache.keys()) if (key !== uri) findingsCache.delete(key);
    },
    getCompletions: (doc, position, config) => completions(service.getModel(doc), position, { grades: gradesFor(config), index: index.ready ? index : undefined }),
    getHover: (doc, position, config) => hover(service.getModel(doc), position, gradesFor(config), index.ready ? index : undefined),
    getDocumentSymbols: (doc) => documentSymbols(service.getModel(doc)),
    getDocumentLinks: (doc) => documentLinks(service.getModel(doc), index.ready ? index : undefined),
    getDefinition: (doc, position) => definition(service.getModel(doc), position, index.ready ? index : undefined),
    getFoldingRanges: (doc) => foldingRanges(service.getModel(doc)),
    getLevelInsertion: (doc, position, config) => levelInsertion(service.getModel(doc), position, gradesFor(config)),
    getPlaceholders: (doc) => placeholders(service.getModel(doc)),
  };
  return Object.freeze(service);
}

export { mergeConfig, DEFAULT_CONFIG, parseConfigFile, CONFIG_FILE_NAME, DEFAULT_FILES, type JobFamilyConfig } from './config';
export { RULES, findRule } from './rules';
export type { Rule, RuleMeta, Severity, SeveritySetting } from './rules/types';
export type { Workspace, DirectoryEntry } from './workspace';
export type { JobFamilyModel } from './model/model';
export type { RuleFinding } from './features/findings';
export { FIX_ALL_KIND } from './features/codeActions';
export { DIAGNOSTIC_SOURCE } from './features/diagnostics';
export { matchesGlobs } from './util/glob';
export { HandbookIndex } from './handbook/index';
export type { LevelInsertion } from './features/authoring';
export { SNIPPETS, expandSnippet, fillPlaceholder, withPlaceholderDefault, type Snippet } from './snippets';
