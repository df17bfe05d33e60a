/**
 * The fuzzing properties, shared by the CI suite (test/reliability/fuzz.test.ts) and the long
 * run (scripts/fuzz.mjs). Each runs a given number of cases from a given seed and reports
 * what it ran; a failure comes back shrunk, with the seed and path that replay it.
 */
import * as fc from 'fast-check';
import type { Diagnostic, Position, Range } from 'vscode-languageserver-types';
import { NEVER_CANCELLED, type LanguageService } from '../../server/src/service';
import { jobFamilyPage, mutate, mutation, randomEdit, type RandomEdit } from './arbitraries';
import { corpusPages, type CorpusPage } from './corpusPages';
import { examplesWorkspace } from './examplesWorkspace';
import { checkFixes, kindOf, loggedService, type LoggedService, type ProblemKind } from './fixCheck';
import { copyOfExamples, LspClient, PULL_CLIENT, uriOf } from './lspClient';
import { OverlayWorkspace } from './overlayWorkspace';
import * as path from 'node:path';

export interface PropertyResult {
  readonly name: string;
  readonly runs: number;
  readonly seed: number;
  readonly ms: number;
  readonly failure?: string;
}

/** What the properties share: one service over the example handbook, the corpus, one server. */
export class FuzzContext {
  readonly service: LoggedService;
  readonly corpus: readonly CorpusPage[];
  #client: Promise<{ client: LspClient; folder: string }> | undefined;
  #initialized: Promise<void> | undefined;
  #pages = 0;

  constructor() {
    this.service = loggedService(new OverlayWorkspace(examplesWorkspace()));
    this.corpus = corpusPages();
  }

  get ls(): LanguageService {
    return this.service.ls;
  }

  ready(): Promise<void> {
    return (this.#initialized ??= this.ls.initialize(NEVER_CANCELLED).then(() => undefined));
  }

  nextId(): number {
    return ++this.#pages;
  }

  /** A fresh page URI in the example handbook's job families, so no case sees another's state. */
  nextUri(): string {
    return `file:///hb/content/job-families/fuzz/page-${this.nextId()}.md`;
  }

  server(): Promise<{ client: LspClient; folder: string }> {
    return (this.#client ??= (async () => {
      const folder = copyOfExamples();
      const client = new LspClient();
      await client.initialize(folder, PULL_CLIENT);
      // Link checks start once the handbook index is complete; a case must not race it.
      for (let i = 0; i < 600 && !client.logs.some((l) => l.startsWith('Handbook index:')); i++) await new Promise((r) => setTimeout(r, 50));
      if (!client.logs.some((l) => l.startsWith('Handbook index:'))) throw new Error(`the server did not build its handbook index: ${client.logs.join(' | ')}`);
      return { client, folder };
    })());
  }

  async dispose(): Promise<void> {
    if (this.#client) await (await this.#client).client.stop();
  }
}

// ---------------------------------------------------------------------------------------
// Ranges

interface Lines {
  readonly starts: number[];
  readonly lengths: number[];
}

function linesOf(text: string): Lines {
  const starts = [0];
  const lengths: number[] = [];
  const re = /\r\n|\r|\n/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    lengths.push(m.index - starts[starts.length - 1]!);
    starts.push(m.index + m[0].length);
  }
  lengths.push(text.length - starts[starts.length - 1]!);
  return { starts, lengths };
}

function positionAt(lines: Lines, offset: number): Position {
  let lo = 0;
  let hi = lines.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines.starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: Math.min(offset - lines.starts[lo]!, lines.lengths[lo]!) };
}

/** Why a range is not inside the text, or undefined when it is. */
function outside(lines: Lines, r: Range, what: string): string | undefined {
  const bad = (p: Position): boolean => !(Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.line < lines.starts.length && p.character >= 0 && p.character <= lines.lengths[p.line]!);
  if (bad(r.start) || bad(r.end)) return `${what}: range ${JSON.stringify(r)} outside the page (${lines.starts.length} lines)`;
  if (r.start.line > r.end.line || (r.start.line === r.end.line && r.start.character > r.end.character)) return `${what}: range ${JSON.stringify(r)} ends before it starts`;
  return undefined;
}

// ---------------------------------------------------------------------------------------
// Checks

/** Every request a client makes on a page answers without a throw and only with ranges inside the page. */
async function checkPage(ctx: FuzzContext, uri: string, text: string, probes: readonly number[]): Promise<string[]> {
  const { ls } = ctx;
  const problems: string[] = [];
  const lines = linesOf(text);
  const push = (p: string | undefined): void => {
    if (p) problems.push(p);
  };
  ls.openDocument({ uri, version: 1, getText: () => text }, { jobFamily: true });
  try {
    const findings = await ls.getFindings(uri, NEVER_CANCELLED);
    for (const f of findings) {
      push(outside(lines, f.range, `${f.rule.meta.id} finding`));
      if (!f.message || f.message.length < 10) problems.push(`${f.rule.meta.id}: no message`);
      for (const e of f.fix?.edits ?? []) push(outside(lines, e.range, `${f.rule.meta.id} fix`));
    }
    const diagnostics = await ls.getDiagnostics(uri, NEVER_CANCELLED);
    for (const d of diagnostics) push(outside(lines, d.range, `diagnostic ${String(d.code)}`));
    const whole = { start: { line: 0, character: 0 }, end: positionAt(lines, text.length) };
    for (const a of await ls.getCodeActions(uri, whole, diagnostics, undefined, NEVER_CANCELLED)) {
      for (const edits of Object.values(a.edit?.changes ?? {})) for (const e of edits) push(outside(lines, e.range, `code action ${a.title}`));
    }
    for (const s of await ls.getDocumentSymbols(uri, NEVER_CANCELLED)) {
      push(outside(lines, s.range, `symbol ${s.name}`));
      push(outside(lines, s.selectionRange, `symbol ${s.name}`));
    }
    for (const l of await ls.getDocumentLinks(uri, NEVER_CANCELLED)) push(outside(lines, l.range, 'document link'));
    for (const f of await ls.getFoldingRanges(uri, NEVER_CANCELLED)) if (f.startLine < 0 || f.endLine >= lines.starts.length || f.startLine > f.endLine) problems.push(`folding ${JSON.stringify(f)} outside the page`);
    for (const r of await ls.getPlaceholders(uri, NEVER_CANCELLED)) push(outside(lines, r, 'placeholder'));
    for (const probe of probes) {
      const at = positionAt(lines, probe % (text.length + 1));
      const hover = await ls.getHover(uri, at, NEVER_CANCELLED);
      if (hover?.range) push(outside(lines, hover.range, 'hover'));
      const completions = await ls.getCompletions(uri, at, NEVER_CANCELLED);
      for (const item of completions?.items ?? []) {
        const edit = item.textEdit;
        if (edit && 'range' in edit) push(outside(lines, edit.range, `completion ${item.label}`));
        for (const e of item.additionalTextEdits ?? []) push(outside(lines, e.range, `completion ${item.label}`));
      }
      await ls.getDefinition(uri, at, NEVER_CANCELLED);
      await ls.getLevelInsertion(uri, at, NEVER_CANCELLED);
    }
  } finally {
    await ls.closeDocument(uri, NEVER_CANCELLED);
  }
  return problems;
}

async function fixProblems(ctx: FuzzContext, uri: string, text: string, modes: readonly boolean[], kinds: readonly ProblemKind[]): Promise<string[]> {
  const out: string[] = [];
  for (const suggestions of modes) {
    const r = await checkFixes(ctx.service, uri, text, suggestions);
    for (const p of r.problems) if (kinds.includes(kindOf(p))) out.push(`${suggestions ? 'with suggestions' : 'safe fixes'}: ${p}`);
  }
  return out;
}

/** Applies random edits through the real server's incremental sync, then compares with a fresh open of the final text. */
async function checkIncremental(ctx: FuzzContext, start: string, edits: readonly RandomEdit[], pulls: readonly boolean[], check: 'equal' | 'ranges'): Promise<string[]> {
  const { client, folder } = await ctx.server();
  const uri = uriOf(path.join(folder, 'content', 'job-families', 'fuzz', `page-${ctx.nextId()}.md`));
  const problems: string[] = [];
  let text = start;
  let version = 1;
  await client.open(uri, text, version);
  const early: Promise<unknown>[] = [];
  for (let i = 0; i < edits.length; i++) {
    const e = edits[i]!;
    const lines = linesOf(text);
    const from = text.length ? e.from % (text.length + 1) : 0;
    const to = Math.min(text.length, from + e.length);
    // An edit never splits a \r\n pair: editors address positions between characters of a line, and \r\n is one break.
    const range = { start: positionAt(lines, from), end: positionAt(lines, to) };
    const startOffset = lines.starts[range.start.line]! + range.start.character;
    const endOffset = lines.starts[range.end.line]! + range.end.character;
    text = text.slice(0, startOffset) + e.text + text.slice(endOffset);
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ range, text: e.text }] });
    // Some pulls are left in flight while more edits arrive: they may be cancelled, never wrong.
    if (pulls[i]) early.push(client.pull(uri).catch(() => undefined));
  }
  await Promise.all(early);
  const incremental = (await client.pull(uri)).items;
  await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  await client.open(uri, text, version + 1);
  const fresh = (await client.pull(uri)).items;
  await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  if (check === 'ranges') {
    const lines = linesOf(text);
    for (const d of [...incremental, ...fresh]) {
      const p = outside(lines, d.range, `diagnostic ${String(d.code)}`);
      if (p) problems.push(p);
    }
    return problems;
  }
  const key = (d: Diagnostic): string => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${String(d.code)} ${typeof d.message === 'string' ? d.message : d.message.value}`;
  const a = incremental.map(key).sort();
  const b = fresh.map(key).sort();
  const only = (x: string[], y: string[]): string[] => x.filter((k) => !y.includes(k));
  if (a.join('\n') !== b.join('\n')) problems.push(`incremental differs from a fresh open: only incremental ${JSON.stringify(only(a, b).slice(0, 3))}, only fresh ${JSON.stringify(only(b, a).slice(0, 3))}`);
  return problems;
}

// ---------------------------------------------------------------------------------------
// The properties

export interface PropertySpec {
  readonly name: string;
  /** Cases in the CI suite. */
  readonly ciRuns: number;
  /** The cases. */
  cases(ctx: FuzzContext): fc.Arbitrary<unknown>;
  /** What is wrong with one case; nothing when it holds. */
  check(ctx: FuzzContext, value: unknown): Promise<string[]>;
}

function define<T>(spec: { name: string; ciRuns: number; cases: (ctx: FuzzContext) => fc.Arbitrary<T>; check: (ctx: FuzzContext, value: T) => Promise<string[]> }): PropertySpec {
  return { name: spec.name, ciRuns: spec.ciRuns, cases: spec.cases, check: (ctx, value) => spec.check(ctx, value as T) };
}

const corpusPage = (ctx: FuzzContext): fc.Arbitrary<CorpusPage> =>
  ctx.corpus.length ? fc.constantFrom(...ctx.corpus) : fc.constant({ rel: 'none.md', text: '---\ntitle: "No corpus"\n---\n' });

/** Fixed pages are saved here (one page, overwritten by each case), as `--fix` finds a page on disk. */
const FIX_URI = 'file:///hb/content/job-families/fuzz/fixed.md';

const ALL_BUT_BREAKS: readonly ProblemKind[] = ['lossless', 'placement', 'settles', 'idempotent'];
const probes = fc.array(fc.nat(), { minLength: 1, maxLength: 3 });
const editSession = (ctx: FuzzContext) =>
  fc.tuple(fc.oneof(jobFamilyPage, corpusPage(ctx).map((p) => p.text)), fc.array(randomEdit, { minLength: 1, maxLength: 20 }), fc.array(fc.boolean(), { maxLength: 20 }));

export const PROPERTIES: readonly PropertySpec[] = [
  define({
    name: 'generated pages: every request answers, with every range inside the page',
    ciRuns: 7500,
    cases: () => fc.tuple(jobFamilyPage, probes),
    check: (ctx, [text, at]) => checkPage(ctx, ctx.nextUri(), text, at),
  }),
  define({
    name: 'generated pages, safe fixes: lossless, out of front matter and code, settled, idempotent',
    ciRuns: 1000,
    cases: () => jobFamilyPage,
    check: (ctx, text) => fixProblems(ctx, FIX_URI, text, [false], ALL_BUT_BREAKS),
  }),
  define({
    name: 'generated pages, with suggestions: lossless, out of front matter and code, settled, idempotent',
    ciRuns: 600,
    cases: () => jobFamilyPage,
    check: (ctx, text) => fixProblems(ctx, FIX_URI, text, [true], ALL_BUT_BREAKS),
  }),
  define({
    name: "generated pages with CRLF or CR line breaks: fixes keep the page's line breaks",
    ciRuns: 300,
    cases: () => fc.tuple(jobFamilyPage, fc.constantFrom('\r\n', '\r')).map(([page, eol]) => page.replace(/\r\n|\r|\n/g, eol)),
    check: (ctx, text) => fixProblems(ctx, FIX_URI, text, [false, true], ['line breaks']),
  }),
  define({
    name: 'damaged corpus pages: every request answers inside the page; fixes lossless, settled, idempotent',
    ciRuns: 200,
    cases: (ctx) => fc.tuple(corpusPage(ctx), fc.array(mutation, { minLength: 1, maxLength: 8 }), probes),
    check: async (ctx, [page, mutations, at]) => {
      const text = mutate(page.text, mutations);
      const uri = `file:///hb/content/job-families/${page.rel.replace(/[^\w/.,-]/g, '_')}`;
      return [...(await checkPage(ctx, uri, text, at)), ...(await fixProblems(ctx, uri, text, [false, true], ALL_BUT_BREAKS))];
    },
  }),
  define({
    name: 'random edits through incremental sync (LSP didChange): diagnostics equal a fresh open of the final text',
    ciRuns: 250,
    cases: editSession,
    check: (ctx, [text, edits, pulls]) => checkIncremental(ctx, text, edits, pulls, 'equal'),
  }),
  define({
    name: 'random edits through incremental sync (LSP didChange): every diagnostic range inside the document',
    ciRuns: 150,
    cases: editSession,
    check: (ctx, [text, edits, pulls]) => checkIncremental(ctx, text, edits, pulls, 'ranges'),
  }),
];

const toProperty = (ctx: FuzzContext, spec: PropertySpec): fc.IAsyncProperty<[unknown]> =>
  fc.asyncProperty(spec.cases(ctx), async (value) => {
    const problems = await spec.check(ctx, value);
    if (problems.length) throw new Error(problems.slice(0, 5).join('\n'));
  });

/** Runs one property; never throws for a failing case (the failure, shrunk, is in the result). */
export async function runProperty(ctx: FuzzContext, spec: PropertySpec, numRuns: number, seed: number): Promise<PropertyResult> {
  await ctx.ready();
  const start = performance.now();
  const details = await fc.check(toProperty(ctx, spec), { numRuns, seed, verbose: fc.VerbosityLevel.None });
  const ms = performance.now() - start;
  if (!details.failed) return { name: spec.name, runs: details.numRuns, seed, ms };
  const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  const counterexample = details.counterexample ? fc.stringify(details.counterexample[0]) : 'none';
  return {
    name: spec.name,
    runs: details.numRuns,
    seed,
    ms,
    failure: `after ${details.numRuns} case(s), seed ${seed}, path "${details.counterexamplePath ?? ''}" (replay: FUZZ_SEED=${seed}); shrunk ${details.numShrinks} time(s)\ncounterexample: ${counterexample.slice(0, 1500)}\n${error.slice(0, 1500)}`,
  };
}

export interface FailureKind {
  /** The problem with its numbers and quoted text taken out. */
  readonly signature: string;
  count: number;
  /** The shortest failing case seen, and its first problem. */
  example: string;
  problem: string;
}

/** The problem's shape: which rule, what went wrong, without positions and texts. */
export const signatureOf = (problem: string): string =>
  problem
    .replace(/"(?:[^"\\]|\\.)*"/g, '"…"')
    .replace(/\{[^{}]*\}/g, '{…}')
    .replace(/\b(JF\d{3})\b|\d+/g, (_m, code: string | undefined) => code ?? '#')
    .slice(0, 160);

/**
 * Runs cases without stopping at a failure: every failing case is counted under the shape of
 * its first problem, with the shortest example of each shape. For long runs, after the first
 * failure of a property has been shrunk.
 */
export async function collectFailures(ctx: FuzzContext, spec: PropertySpec, numRuns: number, seed: number): Promise<{ runs: number; failing: number; kinds: FailureKind[]; ms: number }> {
  await ctx.ready();
  const kinds = new Map<string, FailureKind>();
  let failing = 0;
  const start = performance.now();
  const property = fc.asyncProperty(spec.cases(ctx), async (value) => {
    const problems = await spec.check(ctx, value);
    if (!problems.length) return;
    failing++;
    const signature = signatureOf(problems[0]!);
    const example = fc.stringify(value);
    const kind = kinds.get(signature);
    if (!kind) kinds.set(signature, { signature, count: 1, example, problem: problems[0]! });
    else {
      kind.count++;
      if (example.length < kind.example.length) {
        kind.example = example;
        kind.problem = problems[0]!;
      }
    }
  });
  const details = await fc.check(property, { numRuns, seed, verbose: fc.VerbosityLevel.None });
  return { runs: details.numRuns, failing, kinds: [...kinds.values()].sort((a, b) => b.count - a.count), ms: performance.now() - start };
}

/**
 * The seed of this run: FUZZ_SEED when set (a number replays a run, `random` draws a new one),
 * else the suite's own seed, so that `npm test` judges the same cases on every run and a
 * failure there is a change in the product, never the luck of the draw. New seeds are the
 * long run's job (scripts/fuzz.mjs draws one each time).
 */
export function runSeed(): number {
  if (process.env.FUZZ_SEED === 'random') return Math.floor(Math.random() * 0x7fffffff);
  const fromEnv = Number(process.env.FUZZ_SEED);
  return Number.isInteger(fromEnv) && process.env.FUZZ_SEED ? fromEnv : SUITE_SEED;
}

const SUITE_SEED = 1780123279;
