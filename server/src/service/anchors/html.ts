/**
 * Anchors in raw HTML, as a browser finds them: the `id` of any element and the `name` of
 * an `<a>` (a fragment names either). Comments and the text of `<script>`, `<style>`,
 * `<textarea>` and `<title>` hold no elements. Attribute values are decoded.
 */
export function rawHtmlIds(html: string, onId: (id: string, offset: number) => void, from = 0, to = html.length): void {
  let i = html.indexOf('<', from);
  while (i >= 0 && i < to) {
    const next = html.charCodeAt(i + 1);
    if (next === 33 /* ! */) {
      if (html.startsWith('<!--', i)) {
        if (html.startsWith('<!-->', i)) i += 5;
        else if (html.startsWith('<!--->', i)) i += 6;
        else {
          const end = html.indexOf('-->', i + 4);
          if (end < 0) return;
          i = end + 3;
        }
      } else i = skipTo(html, '>', i);
    } else if (next === 47 /* / */ || next === 63 /* ? */) {
      i = skipTo(html, '>', i);
    } else if (isAsciiLetter(next)) {
      i = tag(html, i, onId);
    } else i++;
    i = html.indexOf('<', i);
  }
}

const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp']);

/** Reads one start tag at `start`; returns where scanning goes on. */
function tag(html: string, start: number, onId: (id: string, offset: number) => void): number {
  let i = start + 1;
  while (i < html.length && !isTagEnd(html.charCodeAt(i))) i++;
  const name = html.slice(start + 1, i).toLowerCase();
  const seen = new Set<string>();
  for (;;) {
    while (i < html.length && (isSpace(html.charCodeAt(i)) || html[i] === '/')) i++;
    if (i >= html.length) return i;
    if (html[i] === '>') {
      i++;
      break;
    }
    const nameStart = i;
    i++; // an attribute name may start with `=`
    while (i < html.length && !isTagEnd(html.charCodeAt(i)) && html[i] !== '=') i++;
    const attr = html.slice(nameStart, i).toLowerCase();
    while (i < html.length && isSpace(html.charCodeAt(i))) i++;
    let value: string | undefined;
    let valueAt = i;
    if (html[i] === '=') {
      i++;
      while (i < html.length && isSpace(html.charCodeAt(i))) i++;
      const q = html[i];
      if (q === '"' || q === "'") {
        const end = html.indexOf(q, i + 1);
        const stop = end < 0 ? html.length : end;
        valueAt = i + 1;
        value = html.slice(i + 1, stop);
        i = stop + 1;
      } else {
        valueAt = i;
        while (i < html.length && !isSpace(html.charCodeAt(i)) && html[i] !== '>') i++;
        value = html.slice(valueAt, i);
      }
    }
    // The first of two equal attributes wins, as in a browser.
    if (seen.has(attr)) continue;
    seen.add(attr);
    if (value && (attr === 'id' || (attr === 'name' && name === 'a'))) onId(decodeEntities(value), valueAt);
  }
  if (RAW_TEXT.has(name)) {
    const close = html.toLowerCase().indexOf(`</${name}`, i);
    return close < 0 ? html.length : close;
  }
  return i;
}

function skipTo(html: string, ch: string, i: number): number {
  const end = html.indexOf(ch, i + 1);
  return end < 0 ? html.length : end + 1;
}

function isTagEnd(c: number): boolean {
  return isSpace(c) || c === 47 /* / */ || c === 62 /* > */;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 12 || c === 13;
}

export function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(?:#[xX]([0-9a-fA-F]{1,6})|#([0-9]{1,7})|([A-Za-z]+));/g, (all, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
    if (name !== undefined) return NAMED[name] ?? all;
    const code = hex !== undefined ? parseInt(hex, 16) : Number(dec);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
  });
}
