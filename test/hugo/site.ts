import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import shortcodeData from '../../server/src/service/data/shortcodes.json';

/**
 * A small Hugo site that renders given content pages the way the handbook's Hugo does for
 * anchors and paths: the handbook's goldmark settings and emoji setting (read from its
 * config), a layout that writes each page's source file and its content only, and a stub
 * per shortcode: a wrapper writes its inner text, include writes the assets/ file, an
 * anchor shortcode writes its anchor, static ids are written, anything else writes nothing.
 */
export interface OraclePage {
  /** The path Hugo published the page at: `/x/y/` for public/x/y/index.html. */
  readonly path: string;
  /** Every id (and `<a name>`) of the rendered content, outside comments and raw-text elements. */
  readonly ids: readonly string[];
}

export function hugoVersion(): string {
  const r = spawnSync('hugo', ['version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) {
    throw new Error('Hugo is not installed: these tests render pages with Hugo to prove paths and anchors (Debian: apt-get install hugo).');
  }
  return r.stdout.trim();
}

interface StubInfo {
  readonly kind: string;
  readonly ids?: readonly string[];
}

const STUBS = shortcodeData.shortcodes as Record<string, StubInfo>;

export class OracleSite {
  readonly dir: string;
  readonly content: string;
  readonly assets: string;

  constructor(handbookConfig: string) {
    this.dir = mkdtempSync(path.join(os.tmpdir(), 'jf-hugo-'));
    this.content = path.join(this.dir, 'content');
    this.assets = path.join(this.dir, 'assets');
    mkdirSync(this.content, { recursive: true });
    mkdirSync(this.assets, { recursive: true });
    const site = parseYaml(readFileSync(handbookConfig, 'utf8')) as { markup?: { goldmark?: { parser?: unknown; renderer?: unknown } }; enableEmoji?: boolean };
    const goldmark = site.markup?.goldmark ?? {};
    const config = {
      baseURL: 'https://handbook.example/',
      disableKinds: ['taxonomy', 'term', 'RSS', 'sitemap', 'robotsTXT', '404'],
      // Alias pages would be extra HTML files; the index reads aliases from front matter.
      disableAliases: true,
      enableEmoji: site.enableEmoji ?? false,
      markup: { goldmark: { parser: goldmark.parser ?? {}, renderer: goldmark.renderer ?? {} } },
    };
    writeFileSync(path.join(this.dir, 'config.json'), JSON.stringify(config, null, 2));
    const layout = '<oracle-page file="{{ with .File }}{{ .Path }}{{ end }}"></oracle-page>\n{{ .Content }}';
    mkdirSync(path.join(this.dir, 'layouts', '_default'), { recursive: true });
    for (const f of ['_default/single.html', '_default/list.html', 'index.html']) writeFileSync(path.join(this.dir, 'layouts', f), layout);
  }

  /** Adds a page. Hugo 0.111 knows build options as `_build` only; the site's Hugo reads `build` too. */
  addPage(relative: string, text: string): void {
    const file = path.join(this.content, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    const frontMatter = /^---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/.exec(text)?.[0] ?? '';
    writeFileSync(file, frontMatter.replace(/^build:/m, '_build:') + text.slice(frontMatter.length));
  }

  addAssets(from: string): void {
    cpSync(from, this.assets, { recursive: true });
  }

  /** Renders every page; returns what Hugo published, by content-relative source file. */
  render(): Map<string, OraclePage> {
    this.#writeStubs();
    const r = spawnSync('hugo', ['--quiet', '--source', this.dir, '--destination', 'public', '--cacheDir', path.join(this.dir, 'cache')], { encoding: 'utf8' });
    if (r.error || r.status !== 0) throw new Error(`hugo failed (${r.status ?? r.error?.message ?? ''}):\n${r.stderr}${r.stdout}`);
    const out = new Map<string, OraclePage>();
    const publicDir = path.join(this.dir, 'public');
    for (const file of allFiles(publicDir)) {
      if (!file.endsWith('.html')) continue;
      const html = readFileSync(file, 'utf8');
      const m = /<oracle-page file="(.*?)"><\/oracle-page>\n/.exec(html);
      if (!m || !m[1]) continue;
      const rel = path.relative(publicDir, file).split(path.sep).join('/');
      const published = rel === 'index.html' ? '/' : rel.endsWith('/index.html') ? `/${rel.slice(0, -'index.html'.length)}` : `/${rel}`;
      out.set(unescapeHtml(m[1]), { path: published, ids: renderedIds(html.slice(m.index + m[0].length)) });
    }
    return out;
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** One template per shortcode the pages call; a missing one fails Hugo's build. */
  #writeStubs(): void {
    const used = new Map<string, boolean>();
    for (const file of allFiles(this.content)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\{\{([<%])(?!\/\*)\s*(\/)?\s*([\w./-]+)/g)) {
        const name = m[3]!;
        used.set(name, (used.get(name) ?? false) || m[2] === '/');
      }
    }
    for (const [name, closed] of used) {
      const info = STUBS[name];
      let body = '';
      if (info?.kind === 'wrapper') body = '{{ .Inner }}';
      else if (info?.kind === 'include') body = '{{ with resources.Get (.Get 0) }}{{ .Content | safeHTML }}{{ end }}';
      else if (info?.kind === 'anchor') body = '<a id="{{ .Get 0 }}"></a>';
      // Hugo wants a closed shortcode's template to use .Inner.
      else if (closed) body = '{{ if false }}{{ .Inner }}{{ end }}';
      for (const id of info?.ids ?? []) body += `<span id="${id}"></span>`;
      const file = path.join(this.dir, 'layouts', 'shortcodes', `${name}.html`);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, body);
    }
  }
}

/**
 * The ids a browser can scroll to in rendered HTML: `id` on any element, `name` on `<a>`;
 * not in comments (`<?…>` and `<!…>` are comments up to the first `>` for an HTML parser),
 * nor in the text of script, style, textarea or title. Written apart from the service's own
 * HTML reader on purpose.
 */
export function renderedIds(html: string): string[] {
  const text = html
    .replace(/<!--[\s\S]*?(?:-->|$)/g, '')
    .replace(/<[!?][^>]*>/g, '')
    .replace(/<(script|style|textarea|title)\b[\s\S]*?<\/\1\s*>/gi, '');
  const ids: string[] = [];
  for (const tag of text.matchAll(/<([A-Za-z][^\s/>]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g)) {
    const name = tag[1]!.toLowerCase();
    const seen = new Set<string>();
    for (const a of tag[2]!.matchAll(/([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
      const attr = a[1]!.toLowerCase();
      if (seen.has(attr)) continue;
      seen.add(attr);
      const value = a[2] ?? a[3] ?? a[4];
      if (value && (attr === 'id' || (attr === 'name' && name === 'a'))) ids.push(unescapeHtml(value));
    }
  }
  return ids;
}

function unescapeHtml(s: string): string {
  return s.replace(/&(?:#x([0-9a-f]+)|#([0-9]+)|(amp|lt|gt|quot|apos));/gi, (_, hex: string | undefined, dec: string | undefined, named: string | undefined) => {
    if (named) return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[named.toLowerCase() as 'amp'];
    return String.fromCodePoint(hex ? parseInt(hex, 16) : Number(dec));
  });
}

export function allFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = path.join(dir, name);
      return statSync(p).isDirectory() ? allFiles(p) : [p];
    });
}
