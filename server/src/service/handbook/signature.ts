import { editedLine, type EditedLine } from '../util/editedLine';

/**
 * The lines of a page that can change what the handbook index knows of it (front matter,
 * headings and their underlines, HTML, attribute lists, footnotes, shortcodes, fences and
 * containers that decide what is a heading, links into job families), with their line numbers,
 * and which lines are blank. Two texts with the same signature give the same page facts, so
 * a keystroke in the middle of a paragraph does not re-read the page for the index.
 * `familyLinks`: whether the page's links into job families count (the index keeps them only
 * for pages outside job-families, to judge how complete that folder is).
 */
export function factsSignature(text: string, familyLinks = true): string {
  // On each keystroke the index and the page's own anchors both ask for the same text's.
  const slot = familyLinks ? 1 : 0;
  const hit = lastSignature[slot];
  if (hit?.text === text) return hit.signature;
  // Typing in one line that counts for nothing leaves the signature as it was.
  if (hit && Math.abs(hit.text.length - text.length) <= EDIT_WINDOW) {
    const edit = editedLine(hit.text, text);
    if (edit && keepsSignature(edit, hit.partLines, familyLinks ? RELEVANT : RELEVANT_IN_FAMILY)) {
      lastSignature[slot] = { ...hit, text };
      return hit.signature;
    }
  }
  const signed = signatureOf(text, familyLinks);
  lastSignature[slot] = { text, ...signed };
  return signed.signature;
}

/** The signature worked out from the whole text, with nothing remembered. */
export function freshSignature(text: string, familyLinks = true): string {
  return signatureOf(text, familyLinks).signature;
}

/** Past this change in length an edit is taken for another text (the index reading one page after another). */
const EDIT_WINDOW = 256;

/** The last text's signature, without and with links into job families: one page each at most. */
const lastSignature: ({ readonly text: string; readonly signature: string; readonly partLines: ReadonlySet<number> } | undefined)[] = [undefined, undefined];

/**
 * A line that is in no part of the signature, before and after the edit, with text both
 * times (blank lines count) and nothing that makes it count: not an underline, no relevant
 * character. The first line is never taken: it decides whether the page has front matter.
 */
function keepsSignature(edit: EditedLine, partLines: ReadonlySet<number>, relevant: RegExp): boolean {
  if (edit.line === 0 || partLines.has(edit.line)) return false;
  for (const line of [edit.before, edit.after]) {
    if (line.trim() === '' || UNDERLINE.test(line) || (MAYBE_RELEVANT.test(line) && relevant.test(line))) return false;
  }
  return true;
}

function signatureOf(text: string, familyLinks: boolean): { signature: string; partLines: Set<number> } {
  const relevant = familyLinks ? RELEVANT : RELEVANT_IN_FAMILY;
  const lines = text.split(/\r\n|\r|\n/);
  const parts: string[] = [];
  let blank = '';
  let n = 0;
  if (/^\uFEFF?(?:---|\+\+\+)\s*$/.test(lines[0] ?? '')) {
    const close = /^\uFEFF?\+\+\+/.test(lines[0]!) ? /^\+\+\+\s*$/ : /^(?:---|\.\.\.)\s*$/;
    parts.push(`0:${lines[0]!}`);
    for (n = 1; n < lines.length; n++) {
      parts.push(`${n}:${lines[n]!}`);
      if (close.test(lines[n]!)) {
        n++;
        break;
      }
    }
  }
  let lastUnderline = n - 1;
  for (; n < lines.length; n++) {
    const line = lines[n]!;
    const isBlank = line.trim() === '';
    blank += isBlank ? '_' : 'x';
    if (isBlank) continue;
    if (UNDERLINE.test(line)) {
      // A setext heading: its text is the paragraph above the underline.
      let from = n;
      while (from - 1 > lastUnderline && lines[from - 1]!.trim() !== '') from--;
      for (let k = from; k <= n; k++) parts.push(`${k}:${lines[k]!}`);
      lastUnderline = n;
    } else if (MAYBE_RELEVANT.test(line) && relevant.test(line)) parts.push(`${n}:${line}`);
  }
  const partLines = new Set<number>();
  for (const p of parts) partLines.add(Number(p.slice(0, p.indexOf(':'))));
  return { signature: `${lines.length}\n${blank}\n${parts.join('\n')}`, partLines };
}

const UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;
// Any `#`, `<` or `{` (headings, HTML, attribute lists, shortcodes), fences, ids, footnotes,
// block quotes and links into job families: wider than needed, never narrower.
const RELEVANT = /[#<{]|`{3}|~{3}|\b(?:id|name)\s*=|\[\^|\/job-families\/|^\s*>/i;
/** Every relevant line has one of these characters: one class is much cheaper to look for than the patterns. */
const MAYBE_RELEVANT = /[#<{`~=[>/]/;
const RELEVANT_IN_FAMILY = /[#<{]|`{3}|~{3}|\b(?:id|name)\s*=|\[\^|^\s*>/i;
