import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, codeOf, driver, eventually, open, ours, page, revertAll, waitForDiagnostics } from './helpers';
import { levelGradeHints } from '../support/levelGradeHints';

const labelOf = (i: vscode.CompletionItem): string => (typeof i.label === 'string' ? i.label : i.label.label);

async function complete(uri: vscode.Uri, position: vscode.Position): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
  return list.items;
}

/** Places the cursor at the end of `text`, typed on a new line after `anchor`. */
async function typeAfter(editor: vscode.TextEditor, anchor: string, text: string): Promise<vscode.Position> {
  const line = editor.document.getText().split('\n').findIndex((l) => l.includes(anchor));
  assert.ok(line >= 0, `${anchor} is on the page`);
  const at = new vscode.Position(line + 1, 0);
  await editor.edit((e) => e.insert(at, `${text}\n`));
  return new vscode.Position(line + 1, text.length);
}

describe('Writing assistance in VS Code', () => {
  before(activate);
  afterEach(revertAll);

  it('offers the template snippets on a new page, and level snippets only in job-family files', async () => {
    const family = page('content/job-families/engineering/backend-engineer.md');
    const editor = await open(family);
    const pos = await typeAfter(editor, 'Additional details about our process', 'jf');
    const labels = (await complete(family, pos)).map(labelOf);
    for (const l of ['jf-level', 'jf-role', 'jf-specialty', 'jf-segment']) assert.ok(labels.includes(l), `${l} in ${labels.join(', ')}`);
    const level = (await complete(family, pos)).find((i) => labelOf(i) === 'jf-level')!;
    assert.ok(level.insertText instanceof vscode.SnippetString, 'inserted as a snippet');
    assert.match(level.insertText.value, /\[grade \$\{3:9\}\]/, 'the next grade after Manager (8) is filled in');

    const plain = page('content/handbook/values.md');
    const plainEditor = await open(plain);
    const plainPos = await typeAfter(plainEditor, '## Results', 'jf');
    assert.ok(!(await complete(plain, plainPos)).map(labelOf).some((l) => l.startsWith('jf-')), 'no job-family snippets in a handbook page');
  });

  it('offers Template 1 and Template 2 with a tab stop at every {add …}', async () => {
    const uri = page('content/job-families/finance/new-family.md');
    await vscode.workspace.fs.writeFile(uri, new Uint8Array());
    await open(uri);
    const items = await complete(uri, new vscode.Position(0, 0));
    const t1 = items.find((i) => labelOf(i) === 'jf-template-1');
    const t2 = items.find((i) => labelOf(i) === 'jf-template-2');
    assert.ok(t1 && t2, items.map(labelOf).join(', '));
    const body = (t1.insertText as vscode.SnippetString).value;
    const adds = body.match(/\{add/g)!.length;
    const stops = body.match(/\$\{\d+:\{add/g)!.length;
    assert.equal(stops, adds, 'every {add …} is a tab stop');
    await vscode.workspace.fs.delete(uri);
  });

  it('completes grades in a Job Grade section, the level\'s own grade first, as a link', async () => {
    const uri = page('content/job-families/engineering/backend-engineer.md');
    const editor = await open(uri);
    const pos = await typeAfter(editor, 'The Senior Backend Engineer is a [grade 7]', 'Also a grade ');
    const items = await complete(uri, pos);
    const first = [...items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''))[0]!;
    assert.equal(labelOf(first), 'grade 7');
    assert.match(String(first.detail), /Senior/);
    assert.equal(first.textEdit?.newText, '[grade 7](/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades)');

    editor.selection = new vscode.Selection(pos, pos);
    await vscode.commands.executeCommand('editor.action.triggerSuggest');
    await eventually(() => driver('/text?selector=' + encodeURIComponent('.suggest-widget')).catch(() => ''), (t) => t.includes('grade 7'), 'the suggestion list to show the grades');
    await driver('/screenshot?name=completion-grades.png');
    await vscode.commands.executeCommand('hideSuggestWidget');
  });

  it('completes handbook paths and their anchors from the checkout', async () => {
    const uri = page('content/job-families/engineering/backend-engineer.md');
    const editor = await open(uri);
    const paths = await complete(uri, await typeAfter(editor, '## Career Ladder', 'See [hiring](/handbook/hi'));
    const interviewing = paths.find((i) => labelOf(i) === 'Interviewing');
    assert.ok(interviewing, paths.map(labelOf).join(', '));
    assert.equal((interviewing.textEdit as vscode.TextEdit).newText, '/handbook/hiring/interviewing/');
    const anchors = await complete(uri, await typeAfter(editor, '## Career Ladder', 'See [a call](/handbook/hiring/interviewing/#'));
    assert.ok(anchors.map(labelOf).includes('#screening-call'), anchors.map(labelOf).join(', '));
  });

  it('offers the missing sections of a level with the level\'s name', async () => {
    const uri = page('content/job-families/engineering/backend-engineer.md');
    const editor = await open(uri);
    const pos = await typeAfter(editor, '- Mentor other engineers through reviews and pairing', '\n#### ');
    // Other providers (VS Code's Markdown support) add their own items; ours name the level.
    const labels = (await complete(uri, new vscode.Position(pos.line + 1, 5))).map(labelOf).filter((l) => l.startsWith('Senior Backend Engineer'));
    assert.deepEqual(labels, ['Senior Backend Engineer Performance Indicators']);
  });

  it('hovers a grade with its row of the grade table, and a link with its page', async () => {
    const uri = page('content/job-families/engineering/backend-engineer.md');
    const editor = await open(uri);
    const text = editor.document.getText();
    const at = editor.document.positionAt(text.indexOf('[grade 7]') + 3);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, at);
    const md = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(md, /Grade 7\*\*, Job Grades\s+Individual contributor: Senior/);
    editor.selection = new vscode.Selection(at, at);
    editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenter);
    await vscode.commands.executeCommand('editor.action.showHover');
    await eventually(() => driver('/text?selector=' + encodeURIComponent('.monaco-hover-content')).catch(() => ''), (t) => t.includes('Grade 7'), 'the hover on the grade');
    await driver('/screenshot?name=hover-grade.png');
    await vscode.commands.executeCommand('editor.action.hideHover').then(undefined, () => undefined);
    const link = editor.document.positionAt(text.indexOf('(/handbook/hiring/interviewing/#screening-call)') + 5);
    const linkHover = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, link);
    assert.match(linkHover.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n'), /Interviewing[\s\S]*Screening call/);
  });

  it('has one outline, the headings with the level ladder, each level\'s grade at its heading, and links paths to local pages', async () => {
    const uri = page('content/job-families/engineering/backend-engineer.md');
    const editor = await open(uri);
    const symbols = await eventually(() => vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri), (s) => s?.length > 0, 'the outline');
    const all: vscode.DocumentSymbol[] = [];
    const walk = (list: readonly vscode.DocumentSymbol[]): void => list.forEach((s) => (all.push(s), walk(s.children)));
    walk(symbols);
    const name = (s: vscode.DocumentSymbol): string => s.name.replace(/^#+\s*/, '');
    assert.equal(all.filter((s) => name(s) === 'Levels').length, 1, `one outline, not two: ${all.map(name).join(', ')}`);
    const levels = all.find((s) => name(s) === 'Levels')!.children.map(name);
    await vscode.commands.executeCommand('outline.focus');
    await eventually(() => driver('/text?selector=' + encodeURIComponent('.outline-pane')).catch(() => ''), (t) => t.includes('Associate Backend Engineer'), 'the Outline view with the levels');
    await driver('/screenshot?name=outline.png');
    assert.deepEqual(levels, ['Associate Backend Engineer', 'Backend Engineer (Intermediate)', 'Senior Backend Engineer', 'Manager, Backend Engineering']);
    assert.deepEqual(await levelGradeHints(editor, eventually), ['Associate Backend Engineer: grade 5', 'Backend Engineer (Intermediate): grade 6', 'Senior Backend Engineer: grade 7', 'Manager, Backend Engineering: grade 8']);
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', uri);
    assert.ok(links.some((l) => l.target?.path.endsWith('/content/handbook/hiring/interviewing.md')), JSON.stringify(links.map((l) => l.target?.toString())));
    const def = await vscode.commands.executeCommand<vscode.Location[] | vscode.LocationLink[]>('vscode.executeDefinitionProvider', uri, new vscode.Position(0, 0));
    assert.ok(Array.isArray(def));
  });

  it('Next Placeholder walks the {add …} placeholders', async () => {
    const uri = page('content/job-families/marketing/content-strategist.md');
    const editor = await open(uri);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    assert.equal(await vscode.commands.executeCommand('jobFamily.nextPlaceholder'), true);
    assert.match(editor.document.getText(editor.selection), /^\{add overview/);
    await vscode.commands.executeCommand('jobFamily.nextPlaceholder');
    assert.equal(editor.document.getText(editor.selection), '#');
  });

  it('Add Level inserts the next level after the current one, with the next grade', async () => {
    const uri = page('content/job-families/engineering/backend-engineer.md');
    const editor = await open(uri);
    const line = editor.document.getText().split('\n').findIndex((l) => l.startsWith('### Senior Backend Engineer'));
    editor.selection = new vscode.Selection(line + 2, 0, line + 2, 0);
    assert.equal(await vscode.commands.executeCommand('jobFamily.addLevel', { name: 'Staff Backend Engineer' }), true);
    await vscode.commands.executeCommand('leaveSnippet');
    const text = editor.document.getText();
    assert.ok(text.indexOf('### Staff Backend Engineer') > text.indexOf('### Senior Backend Engineer'));
    assert.ok(text.indexOf('### Staff Backend Engineer') < text.indexOf('### Manager, Backend Engineering'));
    assert.match(text, /The Staff Backend Engineer is a \[grade 8\]/);
  });

  it('writes a whole new family from the snippet, completions and commands with zero findings', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('jobFamily.newJobFamily', { department: 'finance', title: 'Tax Analyst', template: 1 });
    assert.ok(uri.path.endsWith('/content/job-families/finance/tax-analyst.md'), uri.path);
    const editor = vscode.window.activeTextEditor!;
    await vscode.commands.executeCommand('leaveSnippet');
    assert.match(editor.document.getText(), /^---\ntitle: "Tax Analyst"\ndescription: "\{add/);
    const names = ['Tax Analyst (Intermediate)', 'Senior Tax Analyst'];
    let level = -1;
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    for (let guard = 0; guard < 80; guard++) {
      if (!(await vscode.commands.executeCommand<boolean>('jobFamily.nextPlaceholder'))) break;
      const sel = editor.selection;
      const placeholder = editor.document.getText(sel);
      const line = editor.document.lineAt(sel.start.line).text;
      if (placeholder === '#') {
        // The grade: pick the completion the editor puts first.
        const items = await complete(uri, sel.end);
        const best = [...items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''))[0]!;
        const edit = best.textEdit as vscode.TextEdit;
        await editor.edit((e) => e.replace(edit.range, edit.newText));
        continue;
      }
      let text: string;
      if (/^### \{add name of level/.test(line)) {
        level++;
        text = names[level]!;
      } else if (/\{add name of level/.test(placeholder)) text = names[Math.max(0, level)]!;
      else if (/3-5 PIs/.test(placeholder)) text = '[Returns filed on time](/handbook/values/#results)\n- [Questions answered within two working days](/handbook/values/#results)\n- [Audit findings resolved within a quarter](/handbook/values/#results)';
      else if (/reporting position/.test(placeholder)) text = 'Manager, Tax';
      else if (/name of Segment/.test(placeholder)) text = 'Public Sector';
      else if (/name of Specialty/.test(placeholder)) text = 'Transfer Pricing';
      else if (/career ladder/.test(placeholder)) text = 'Tax analysts can grow into tax management.';
      else if (/overview/.test(placeholder)) text = 'Tax analysts keep the company compliant with tax law and support colleagues with tax questions.';
      else if (/hiring process steps/.test(placeholder)) text = 'Next, candidates will meet two members of the tax team.';
      else if (/one-sentence summary/.test(placeholder)) text = 'Tax analysts keep the company compliant with tax law.';
      else text = 'Supports the team with accurate, well-documented tax work';
      await editor.edit((e) => e.replace(sel, text));
    }
    assert.doesNotMatch(editor.document.getText(), /\{add/);
    await editor.document.save();
    await waitForDiagnostics(uri, (ds) => ds.length === 0, 'zero findings on the finished page', 30_000).catch((e: Error) => {
      throw new Error(`${e.message}\n${ours(uri).map((d) => `${codeOf(d)} ${d.range.start.line + 1}: ${d.message}`).join('\n')}\n\n${editor.document.getText()}`);
    });
    await vscode.workspace.fs.delete(uri);
  });
});
