import { CompletionItemKind, MarkupKind, type CompletionList, type Position } from 'vscode-languageserver-types';
import wellKnown from '../../data/handbook-pages.json';
import type { HandbookIndex } from '../../handbook/index';
import { range } from '../../model/lines';
import type { JobFamilyModel } from '../../model/model';
import type { CompletionEnv } from './env';

const MAX_PAGES = 200;

export interface LinkTarget {
  /** What is typed of the target so far. */
  readonly typed: string;
  readonly ref: boolean;
}

export function linkTarget(before: string): LinkTarget | undefined {
  const ref = /\{\{[<%]\s*(?:ref|relref)\s+"([^"]*)$/.exec(before);
  if (ref) return { typed: ref[1]!, ref: true };
  const md = /\]\(([^)\s]*)$/.exec(before);
  if (md) return { typed: md[1]!, ref: false };
  return undefined;
}

interface PageChoice {
  /** The page's file, for a page of the index. */
  readonly uri?: string;
  readonly path: string;
  readonly title: string | undefined;
  readonly description: string | undefined;
  /** Made when asked for: the handbook's pages have hundreds of thousands of headings. */
  anchors(): readonly { id: string; text?: string }[];
  /** Path and title in lower case, for filtering as the user types. */
  readonly search: string;
}

/** The list of pages to complete, built once per index state (a handbook has thousands). */
const choiceCache = new WeakMap<HandbookIndex, { readonly version: number; readonly choices: readonly PageChoice[] }>();
const wellKnownChoices: readonly PageChoice[] = wellKnown.pages.map((p) => ({ path: p.path, title: p.title, description: p.description, anchors: () => p.anchors.map((id) => ({ id })), search: `${p.path}\n${p.title}`.toLowerCase() }));

function pageChoices(env: CompletionEnv): readonly PageChoice[] {
  const index = env.index;
  if (!index?.ready) return wellKnownChoices;
  const hit = choiceCache.get(index);
  if (hit && hit.version === index.version) return hit.choices;
  const choices = index
    .publishedPages()
    .map((p) => ({ uri: p.uri, path: p.path, title: p.title, description: p.description, anchors: () => p.headings.all(), search: `${p.path}\n${p.title ?? ''}`.toLowerCase() }))
    .sort((a, b) => a.path.length - b.path.length || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  choiceCache.set(index, { version: index.version, choices });
  return choices;
}

export function linkItems(model: JobFamilyModel, pos: Position, link: LinkTarget, env: CompletionEnv): CompletionList {
  const hash = link.typed.indexOf('#');
  if (hash >= 0) {
    const pathPart = link.typed.slice(0, hash);
    const typedAnchor = link.typed.slice(hash + 1);
    const start = pos.character - typedAnchor.length;
    const anchors: readonly { id: string; text?: string }[] = pathPart
      ? (anchorPage(model, pathPart, link.ref, env)?.anchors() ?? [])
      : model.anchors.map((a) => ({ id: a.id, text: model.headings.find((h) => h.line === a.line)?.text }));
    return {
      isIncomplete: false,
      items: anchors.map((a, i) => ({
        label: `#${a.id}`,
        kind: CompletionItemKind.Reference,
        detail: a.text,
        sortText: String(i).padStart(4, '0'),
        filterText: `#${a.id} ${a.text ?? ''}`,
        textEdit: { range: range(pos.line, start - 1, pos.line, pos.character), newText: `#${a.id}` },
      })),
    };
  }
  const start = pos.character - link.typed.length;
  const typed = link.typed.toLowerCase();
  // The choices are sorted by path length already: the first matches are the ones to show.
  const pages: PageChoice[] = [];
  let more = false;
  for (const p of pageChoices(env)) {
    if (!p.search.includes(typed)) continue;
    if (pages.length === MAX_PAGES) {
      more = true;
      break;
    }
    pages.push(p);
  }
  const limited = pages;
  return {
    isIncomplete: more,
    items: limited.map((p, i) => {
      const target = link.ref ? p.path.replace(/^\//, '').replace(/\/$/, '') : p.path;
      return {
        label: p.title ?? p.path,
        kind: p.path.startsWith('/job-families/') ? CompletionItemKind.Class : CompletionItemKind.File,
        detail: p.path,
        documentation: p.description ? { kind: MarkupKind.Markdown, value: p.description } : undefined,
        sortText: String(i).padStart(4, '0'),
        filterText: `${p.path} ${p.title ?? ''}`,
        textEdit: { range: range(pos.line, start, pos.line, pos.character), newText: target },
      };
    }),
  };
}

/** The page whose anchors are offered after `path#`: the one the path lands on, else the published page it nearly names. */
function anchorPage(model: JobFamilyModel, pathPart: string, ref: boolean, env: CompletionEnv): Pick<PageChoice, 'uri' | 'anchors'> | undefined {
  const page = ref ? env.index?.resolveRef(pathPart, model.uri) : env.index?.ready ? env.index.resolve(pathPart) : undefined;
  if (page) return { uri: page.uri, anchors: () => page.headings.all() };
  return pageChoices(env).find((p) => sameish(p.path, pathPart));
}

/** The index page whose anchors a completion of this link target lists; undefined when it lists none of another page's. */
export function anchorPageOf(model: JobFamilyModel, link: LinkTarget, env: CompletionEnv): string | undefined {
  const hash = link.typed.indexOf('#');
  const pathPart = hash > 0 ? link.typed.slice(0, hash) : '';
  return pathPart ? anchorPage(model, pathPart, link.ref, env)?.uri : undefined;
}

function sameish(a: string, b: string): boolean {
  const n = (s: string): string => s.replace(/^\/|\/$/g, '').toLowerCase();
  return n(a) === n(b) || n(a).endsWith(`/${n(b)}`);
}
