import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction } from 'vscode-languageserver-types';
import { FIX_ALL_KIND, type LanguageService } from '../../../server/src/service';
import { openMarked } from '../../support/cursor';
import { codes, findings, NEVER, service } from '../../support/service';

const URI = 'file:///hb/content/job-families/finance/tax.md';
const BODY = '## Requirements\n\n- Lives [our values](https://handbook.gitlab.com/handbook/values/).\n- Knows tax law.\n';

/** The text after one action's edits to the page. */
function applied(text: string, action: CodeAction): string {
  const edits = action.edit?.changes?.[URI];
  assert.ok(edits?.length, `${action.title} edits the page`);
  return TextDocument.applyEdits(TextDocument.create(URI, 'markdown', 1, text), edits);
}

async function actionsAt(ls: LanguageService, source: string, only?: string[]): Promise<{ text: string; actions: CodeAction[] }> {
  const { text, range } = openMarked(ls, URI, source);
  const diagnostics = await ls.getDiagnostics(URI, NEVER);
  return { text, actions: await ls.getCodeActions(URI, range, diagnostics, only, NEVER) };
}

describe('code actions', () => {
  it('offer the fix of the finding under the cursor as the preferred quick fix, with its diagnostic, and the fix leaves the page clean of it', async () => {
    const ls = service();
    const { text, actions } = await actionsAt(ls, `---\ntitle: "Tax"\n---\n\n${BODY.replace('https://handbook', 'https://hand¦book')}`);
    const fix = actions.find((a) => a.title.endsWith('(JF033)'));
    assert.ok(fix, actions.map((a) => a.title).join('; '));
    assert.equal(fix.kind, 'quickfix');
    assert.equal(fix.isPreferred, true);
    assert.deepEqual(fix.diagnostics?.map((d) => d.code), ['JF033']);
    const after = applied(text, fix);
    assert.match(after, /\[our values\]\(\/handbook\/values\/\)/);
    assert.ok(!codes(await findings(after, URI)).includes('JF033'));
  });

  it('offer no quick fix of a finding elsewhere, and the fix-all action only when asked for source actions', async () => {
    const ls = service();
    const source = `---\ntitle: "Tax"\n---\n\n${BODY.replace('Knows tax law', 'Knows ¦tax law')}`;
    const { actions } = await actionsAt(ls, source);
    assert.deepEqual(actions.filter((a) => a.title.endsWith('(JF033)')), [], 'the legacy link is on another line');
    const { text, actions: fixAll } = await actionsAt(ls, source, [FIX_ALL_KIND]);
    assert.deepEqual(fixAll.map((a) => a.kind), [FIX_ALL_KIND], 'only the fix-all action');
    assert.match(applied(text, fixAll[0]!), /\[our values\]\(\/handbook\/values\/\)/);
    const { actions: quick } = await actionsAt(ls, source, ['quickfix']);
    assert.ok(quick.every((a) => a.kind === 'quickfix'));
  });

  it('fix all applies the safe fixes together and no suggestion', async () => {
    const ls = service();
    // No title: JF003's fix inserts a placeholder title, a suggestion that fix-all leaves alone.
    const { text } = openMarked(ls, URI, `---\ndescription: "Tax."\n---\n\n${BODY}¦`);
    const edits = await ls.getFixAllEdits(URI, NEVER);
    const after = TextDocument.applyEdits(TextDocument.create(URI, 'markdown', 1, text), edits);
    const left = codes(await findings(after, URI));
    assert.ok(!left.includes('JF033'), 'the safe fix is applied');
    assert.ok(left.includes('JF003'), 'the missing title is left for the author');
  });
});
