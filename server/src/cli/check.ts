import { promises as fs } from 'node:fs';
import { toUri } from '../node/fileWorkspace';
import { NEVER_CANCELLED, RULES, lintText, type LanguageService, type RuleFinding, type Severity } from '../service';
import { unifiedDiff } from './diff';
import { insideAny } from './discover';
import { decodePage, encodePage, writeAtomically, type PageText } from './files';
import type { Problem } from './formats';
import type { Page } from './select';

export interface CheckOptions {
  readonly fix: 'write' | 'dry-run' | undefined;
  readonly fixRules: readonly string[] | undefined;
  /** Real paths of the workspace roots: nothing outside them is ever written. */
  readonly realRoots: readonly string[];
  /** Path as printed: relative to the working directory, with `/`. */
  readonly display: (file: string) => string;
  /** A line for the person running the command (standard error). */
  readonly note: (message: string) => void;
  /** The bytes are standard input's, for the page named by --stdin-filename: nothing is written. */
  readonly fromStdin: boolean;
  /** Called when --fix wrote a file, before the service is told. */
  readonly written: (uri: string) => void;
}

export interface PageResult {
  readonly problems: Problem[];
  /** True when --fix changed the file (or --fix-dry-run would). */
  readonly fixed: boolean;
  /** --fix-dry-run: the change as a unified diff. */
  readonly diff: string;
  /** --fix could not write the file (a read-only folder, a full disk): the run fails. */
  readonly writeFailed: boolean;
}

const NOT_CHECKABLE = RULES.find((r) => r.meta.id === 'JF010')!;

/** Checks one page, fixing it first when asked; the findings are those of the text as it is left. */
export async function checkPage(service: LanguageService, page: Page, bytes: Uint8Array, o: CheckOptions): Promise<PageResult> {
  const file = page.path;
  const shown = o.display(file);
  const uri = toUri(file);
  const source: PageText = decodePage(bytes);
  let text = source.text;
  let fixed = false;
  let diff = '';
  let writeFailed = false;
  const extra: Problem[] = [];

  if (source.invalidUtf8) {
    const message = `The file is not valid UTF-8 (first bad byte at offset ${source.invalidUtf8.offset}): save it as UTF-8. It was checked with the bad bytes replaced${o.fix ? ', and is not fixed' : ''}.`;
    const severity = severityOf(service, NOT_CHECKABLE.meta.id, NOT_CHECKABLE.meta.alias, NOT_CHECKABLE.meta.severity);
    if (severity) extra.push({ file: shown, line: 1, column: 1, endLine: 1, endColumn: 1, severity, code: NOT_CHECKABLE.meta.id, rule: NOT_CHECKABLE.meta.alias, message, text: '' });
    if (o.fix) o.note(`${shown}: not valid UTF-8, left unchanged`);
  } else if (o.fix) {
    const refusal = o.fromStdin ? undefined : await writeRefusal(file, o.realRoots);
    const unparsable = await parseProblem(service, uri, text);
    if (unparsable) o.note(`${shown}: ${unparsable}; left unchanged`);
    else if (refusal && o.fix === 'write') o.note(`${shown}: ${refusal}; not fixed`);
    else {
      const result = await service.fixText(uri, text, { rules: o.fixRules, suggestions: false }, NEVER_CANCELLED);
      if (result.changed && result.text !== text) {
        if (o.fix === 'dry-run') {
          diff = unifiedDiff(shown, encodePage(source, text).toString('utf8'), encodePage(source, result.text).toString('utf8'));
          fixed = true;
          text = result.text;
        } else {
          try {
            await writeAtomically(await fs.realpath(file), encodePage(source, result.text));
            o.written(uri);
            await service.filesChanged([{ uri, type: 'changed' }], NEVER_CANCELLED);
            fixed = true;
            text = result.text;
          } catch (e) {
            o.note(`${shown}: could not be written (${e instanceof Error ? e.message : String(e)}); left unchanged`);
            writeFailed = true;
          }
        }
      }
    }
  }

  const findings = await lintText(service, uri, text);
  const lines = text.split(/\r\n|\r|\n/);
  // A binary file is not UTF-8 either: the service's JF010 says so better than the decoder's.
  const own = findings.some((f) => f.rule.meta.id === NOT_CHECKABLE.meta.id) ? [] : extra;
  return { problems: [...own, ...findings.map((f) => toProblem(shown, lines, f))], fixed, diff, writeFailed };
}

/** Why a file must not be written, or undefined: its real path (after symbolic links) must lie in the workspace. */
async function writeRefusal(file: string, realRoots: readonly string[]): Promise<string | undefined> {
  const real = await fs.realpath(file).catch(() => undefined);
  if (!real) return 'cannot resolve its real path';
  if (!insideAny(real, realRoots)) return `it is a symbolic link to ${real}, outside the workspace (${realRoots.join(', ')})`;
  const stat = await fs.lstat(real);
  if (!stat.isFile()) return 'not a regular file';
  return undefined;
}

/**
 * A page whose text the service cannot take apart (binary, too large, front matter that
 * is not valid YAML, or a model that failed to build) is left byte for byte as it is:
 * a fix computed on a misread page could land anywhere.
 */
async function parseProblem(service: LanguageService, uri: string, text: string): Promise<string | undefined> {
  const wasOpen = service.getModel(uri) !== undefined;
  if (!wasOpen) service.openDocument({ uri, version: 1, getText: () => text }, { jobFamily: true });
  try {
    const model = service.getModel(uri);
    if (!model) return 'could not be read';
    if (model.failed) return 'could not be analysed';
    if (model.unreadable) return 'it cannot be checked (JF010)';
    if (model.frontMatter && model.frontMatter.errors.length) return 'its front matter cannot be parsed';
    return undefined;
  } finally {
    if (!wasOpen) await service.closeDocument(uri, NEVER_CANCELLED);
  }
}

function severityOf(service: LanguageService, id: string, alias: string, fallback: Severity): Severity | undefined {
  const setting = service.config.rules[id] ?? service.config.rules[alias] ?? fallback;
  return setting === 'off' ? undefined : setting;
}

function toProblem(file: string, lines: readonly string[], f: RuleFinding): Problem {
  return {
    file,
    line: f.range.start.line + 1,
    column: f.range.start.character + 1,
    endLine: f.range.end.line + 1,
    endColumn: f.range.end.character + 1,
    severity: f.severity,
    code: f.rule.meta.id,
    rule: f.rule.meta.alias,
    message: f.message,
    text: rangeText(lines, f),
  };
}

/** The text a finding covers (at most 200 characters): part of its fingerprint. */
function rangeText(lines: readonly string[], f: RuleFinding): string {
  const { start, end } = f.range;
  if (start.line === end.line) return (lines[start.line] ?? '').slice(start.character, end.character).slice(0, 200);
  const parts = [(lines[start.line] ?? '').slice(start.character), ...lines.slice(start.line + 1, end.line), (lines[end.line] ?? '').slice(0, end.character)];
  return parts.join('\n').slice(0, 200);
}
