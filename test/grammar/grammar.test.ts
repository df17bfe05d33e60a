import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';
import { ROOT } from '../support/paths';

const CODE_SERVER = process.env.CODE_SERVER_DIR ?? path.join(ROOT, '.vscode-test', 'code-server');
const MARKDOWN = path.join(CODE_SERVER, 'node_modules', 'code-server', 'lib', 'vscode', 'extensions', 'markdown-basics', 'syntaxes', 'markdown.tmLanguage.json');
const INJECTION = path.join(ROOT, 'syntaxes', 'jobfamily.injection.tmLanguage.json');

async function loadMarkdownGrammar(): Promise<textmate.IGrammar> {
  if (!existsSync(MARKDOWN)) {
    throw new Error(`VS Code's Markdown grammar is missing: ${MARKDOWN} (scripts/install-code-server.sh installs it; npm test runs it first)`);
  }
  const wasm = readFileSync(path.join(ROOT, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p) => new oniguruma.OnigScanner(p), createOnigString: (s) => new oniguruma.OnigString(s) }),
    loadGrammar: (scope) => {
      // VS Code's own Markdown grammar, from the VS Code build the editor tests use.
      if (scope === 'text.html.markdown') return Promise.resolve(textmate.parseRawGrammar(readFileSync(MARKDOWN, 'utf8'), MARKDOWN));
      if (scope === 'text.jobfamily.injection') return Promise.resolve(textmate.parseRawGrammar(readFileSync(INJECTION, 'utf8'), INJECTION));
      return Promise.resolve(null);
    },
    getInjections: (scope) => (scope === 'text.html.markdown' ? ['text.jobfamily.injection'] : undefined),
  });
  const g = await registry.loadGrammar('text.html.markdown');
  assert.ok(g);
  return g;
}

let loading: Promise<textmate.IGrammar> | undefined;
/** Loaded once; when it cannot be loaded, every test that needs it fails (none drops out). */
function markdownGrammar(): Promise<textmate.IGrammar> {
  loading ??= loadMarkdownGrammar();
  return loading;
}

/** The scopes of the token covering `needle` on the line of `lines` that contains it. */
function scopesAt(grammar: textmate.IGrammar, lines: string[], needle: string): string[] {
  let state = textmate.INITIAL;
  for (const line of lines) {
    const r = grammar.tokenizeLine(line, state);
    const at = line.indexOf(needle);
    if (at >= 0) {
      const token = r.tokens.find((t) => t.startIndex <= at && at < t.endIndex)!;
      return token.scopes;
    }
    state = r.ruleStack;
  }
  throw new Error(`${needle} not found`);
}

describe('injection grammar (vscode-textmate with VS Code\'s Markdown grammar)', () => {
  const page = [
    '---',
    'title: "Tax"',
    '---',
    '',
    '## Senior Tax Analyst Responsibilities',
    '',
    '- {add a bulleted list of responsibilities}',
    '',
    'The Tax Analyst is a [grade 7]({{< ref "compensation-calculator#gitlab-job-grades" >}}).',
    '',
    '```markdown',
    '- {add inside code}',
    '```',
    '',
    'Write `{add in inline code}` to mark a gap.',
  ];

  it('marks template placeholders', async () => {
    const grammar = await markdownGrammar();
    assert.ok(scopesAt(grammar, page, '{add a bulleted').includes('variable.other.placeholder.jobfamily'));
  });

  it('marks grade mentions and their number', async () => {
    const grammar = await markdownGrammar();
    assert.ok(scopesAt(grammar, page, 'grade 7').includes('keyword.other.grade.jobfamily'));
    assert.ok(scopesAt(grammar, page, '7]').includes('constant.numeric.grade.jobfamily'));
  });

  it('marks standard section titles inside Markdown headings, keeping the heading scope', async () => {
    const grammar = await markdownGrammar();
    const scopes = scopesAt(grammar, page, 'Responsibilities');
    assert.ok(scopes.includes('support.type.section.jobfamily'), scopes.join(' '));
    assert.ok(scopes.some((s) => s.startsWith('markup.heading')), scopes.join(' '));
  });

  it('marks Hugo shortcodes', async () => {
    const grammar = await markdownGrammar();
    assert.ok(scopesAt(grammar, page, 'ref "').includes('entity.name.tag.shortcode.jobfamily'));
  });

  it('leaves code blocks and inline code alone', async () => {
    const grammar = await markdownGrammar();
    assert.ok(!scopesAt(grammar, page, '{add inside code}').includes('variable.other.placeholder.jobfamily'));
    assert.ok(!scopesAt(grammar, page, '{add in inline code}').includes('variable.other.placeholder.jobfamily'));
  });
});
