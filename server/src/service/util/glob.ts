/**
 * Glob patterns as VS Code settings use them: `**` any folders, `*` any characters but `/`,
 * `?` one character, `{a,b}` alternatives, `[abc]` / `[!abc]` a character class. Matched
 * against a path relative to the workspace folder (or a full path, whose tail may match).
 *
 * The matcher never backtracks: segments are matched by a dynamic programme over pattern
 * and path segments, and within a segment `*` is matched greedily with a single restart
 * point, so the time is bounded by pattern length times path length whatever the pattern.
 */

/** Patterns and paths longer than this are not matched (no real setting is this long). */
export const MAX_GLOB_LENGTH = 1000;
/** `{a,b}` alternatives expand to at most this many patterns. */
const MAX_EXPANSIONS = 64;

type Token = { kind: 'literal'; ch: string } | { kind: 'any' } | { kind: 'star' } | { kind: 'class'; negated: boolean; set: string };
type Segment = { kind: 'globstar' } | { kind: 'tokens'; tokens: readonly Token[] };

const compiled = new Map<string, readonly (readonly Segment[])[]>();

function compile(glob: string): readonly (readonly Segment[])[] {
  const hit = compiled.get(glob);
  if (hit) return hit;
  const out = expandBraces(glob.replace(/^\.\//, '')).map(parsePattern);
  if (compiled.size > 500) compiled.clear();
  compiled.set(glob, out);
  return out;
}

/** `a{b,c}d` → `abd`, `acd`; nested groups too, up to MAX_EXPANSIONS results. */
export function expandBraces(glob: string): string[] {
  const open = findBrace(glob);
  if (!open) return [glob];
  const { start, end, options } = open;
  const out: string[] = [];
  for (const o of options) {
    for (const rest of expandBraces(glob.slice(0, start) + o + glob.slice(end + 1))) {
      if (out.length >= MAX_EXPANSIONS) return out;
      out.push(rest);
    }
  }
  return out;
}

function findBrace(glob: string): { start: number; end: number; options: string[] } | undefined {
  for (let i = 0; i < glob.length; i++) {
    if (glob[i] === '\\') {
      i++;
      continue;
    }
    if (glob[i] !== '{') continue;
    let depth = 0;
    const cuts: number[] = [];
    for (let j = i; j < glob.length; j++) {
      const c = glob[j];
      if (c === '\\') {
        j++;
        continue;
      }
      if (c === '{') depth++;
      else if (c === '}') {
        depth--;
        if (depth === 0) {
          const bounds = [i, ...cuts, j];
          const options: string[] = [];
          for (let k = 0; k + 1 < bounds.length; k++) options.push(glob.slice(bounds[k]! + 1, bounds[k + 1]));
          return { start: i, end: j, options };
        }
      } else if (c === ',' && depth === 1) cuts.push(j);
    }
    return undefined;
  }
  return undefined;
}

function parsePattern(pattern: string): Segment[] {
  const segments: Segment[] = [];
  for (const part of pattern.split('/')) {
    if (part === '**') {
      if (segments[segments.length - 1]?.kind !== 'globstar') segments.push({ kind: 'globstar' });
      continue;
    }
    segments.push({ kind: 'tokens', tokens: parseSegment(part) });
  }
  return segments;
}

function parseSegment(part: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < part.length; i++) {
    const c = part[i]!;
    if (c === '\\' && i + 1 < part.length) tokens.push({ kind: 'literal', ch: part[++i]! });
    else if (c === '*') {
      // `***` is one star: consecutive stars match the same strings.
      if (tokens[tokens.length - 1]?.kind !== 'star') tokens.push({ kind: 'star' });
    } else if (c === '?') tokens.push({ kind: 'any' });
    else if (c === '[') {
      const close = part.indexOf(']', i + 2);
      if (close < 0) {
        tokens.push({ kind: 'literal', ch: c });
        continue;
      }
      const body = part.slice(i + 1, close);
      const negated = body.startsWith('!') || body.startsWith('^');
      tokens.push({ kind: 'class', negated, set: expandRanges(negated ? body.slice(1) : body) });
      i = close;
    } else tokens.push({ kind: 'literal', ch: c });
  }
  return tokens;
}

function expandRanges(body: string): string {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const a = body[i]!;
    const b = body[i + 2];
    if (body[i + 1] === '-' && b !== undefined) {
      const from = a.charCodeAt(0);
      const to = b.charCodeAt(0);
      for (let c = from; c <= to && c - from < 256; c++) out += String.fromCharCode(c);
      i += 2;
    } else out += a;
  }
  return out;
}

function tokenMatches(t: Token, ch: string): boolean {
  if (t.kind === 'literal') return t.ch === ch;
  if (t.kind === 'any') return true;
  if (t.kind === 'class') return t.set.includes(ch) !== t.negated;
  return false;
}

/**
 * One path segment against one pattern segment: greedy `*` with the classic single restart
 * point. With several stars the last one seen takes over, which is correct because a later
 * star can absorb anything an earlier one would have.
 */
function segmentMatches(tokens: readonly Token[], text: string): boolean {
  let t = 0;
  let s = 0;
  let starAt = -1;
  let starText = 0;
  while (s < text.length) {
    const tok = tokens[t];
    if (tok && tok.kind === 'star') {
      starAt = t++;
      starText = s;
    } else if (tok && tokenMatches(tok, text[s]!)) {
      t++;
      s++;
    } else if (starAt >= 0) {
      t = starAt + 1;
      s = ++starText;
    } else return false;
  }
  while (tokens[t]?.kind === 'star') t++;
  return t === tokens.length;
}

/** Pattern segments against path segments; `**` takes any number of path segments. */
function pathMatches(pattern: readonly Segment[], parts: readonly string[], anchored: boolean): boolean {
  const P = pattern.length;
  const S = parts.length;
  // reach[j]: the first i pattern segments can consume the first j path segments.
  let reach = new Uint8Array(S + 1);
  if (anchored) reach[0] = 1;
  else reach.fill(1); // an unanchored pattern may start at any segment (the path's tail matches)
  for (let i = 0; i < P; i++) {
    const seg = pattern[i]!;
    const next = new Uint8Array(S + 1);
    if (seg.kind === 'globstar') {
      let on = 0;
      for (let j = 0; j <= S; j++) {
        if (reach[j]) on = 1;
        next[j] = on;
      }
    } else {
      for (let j = 0; j < S; j++) if (reach[j] && segmentMatches(seg.tokens, parts[j]!)) next[j + 1] = 1;
    }
    reach = next;
  }
  return reach[S] === 1;
}

export function matchesGlobs(path: string, globs: readonly string[]): boolean {
  const p = path.replace(/\\/g, '/');
  if (p.length > MAX_GLOB_LENGTH) return false;
  const parts = p.split('/');
  return globs.some((g) => g.length <= MAX_GLOB_LENGTH && compile(g).some((segments) => pathMatches(segments, parts, false)));
}
