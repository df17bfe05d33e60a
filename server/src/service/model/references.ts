/** A link reference definition's label and destination, as the paragraph's first lines hold them. */
const DEFINITION = /^ {0,3}\[((?:[^\]\\]|\\.){1,999})\]:[ \t]*(<[^>\n]*>|\S+)/;

export function parseDefinition(line: string): { label: string; href: string } | undefined {
  const m = DEFINITION.exec(line);
  if (!m || !m[1]!.trim()) return undefined;
  const raw = m[2]!.startsWith('<') ? m[2]!.slice(1, -1) : m[2]!;
  return { label: normalizeLabel(m[1]!), href: encodeDestination(unescape(raw)) };
}

/** Labels match case-insensitively, with runs of white space as one space. */
export function normalizeLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toUpperCase();
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Backslash escapes and the common character references, which the rendered link no longer has. */
function unescape(s: string): string {
  if (!s.includes('\\') && !s.includes('&')) return s;
  return s.replace(/\\([!-/:-@[-`{-~])|&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]+);/gi, (all, punct: string | undefined, ref: string | undefined) => {
    if (punct) return punct;
    const r = ref!;
    if (r[0] !== '#') return ENTITIES[r.toLowerCase()] ?? all;
    const code = r[1] === 'x' || r[1] === 'X' ? parseInt(r.slice(2), 16) : parseInt(r.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
  });
}

/** The destination as the page's `href` has it: characters a URL cannot hold percent-encoded, `%XX` kept. */
function encodeDestination(s: string): string {
  if (/^[A-Za-z0-9;/?:@&=+$,\-_.!~*'()#%]*$/.test(s) && !/%(?![0-9a-fA-F]{2})/.test(s)) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '%' && /^[0-9a-fA-F]{2}$/.test(s.slice(i + 1, i + 3))) out += c;
    else if (/[A-Za-z0-9;/?:@&=+$,\-_.!~*'()#]/.test(c)) out += c;
    else {
      const code = s.codePointAt(i)!;
      const ch = String.fromCodePoint(code);
      if (code > 0xffff) i++;
      try {
        out += encodeURIComponent(ch);
      } catch {
        out += '%EF%BF%BD';
      }
    }
  }
  return out;
}
