import * as assert from 'node:assert/strict';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import { openMarked } from '../../support/cursor';
import { GRADE_TABLE as G, NEVER, service } from '../../support/service';

const URI = 'file:///hb/content/job-families/finance/tax.md';

const KIND_NAMES = new Map<number, string>([[SymbolKind.Class, 'Class'], [SymbolKind.Property, 'Property'], [SymbolKind.Namespace, 'Namespace']]);

/** Name, kind, detail and first line of every symbol, depth first, indented by depth. */
function tree(symbols: readonly DocumentSymbol[], depth = 0): string[] {
  return symbols.flatMap((s) => [`${'  '.repeat(depth)}${s.name} ${KIND_NAMES.get(s.kind) ?? s.kind}${s.detail ? ` (${s.detail})` : ''} @${s.range.start.line}-${s.range.end.line}`, ...tree(s.children ?? [], depth + 1)]);
}

const LADDER = [
  '---', 'title: "Tax"', '---', '', '## Responsibilities', '', '- Files returns.', '', '## Levels', '',
  '### Tax Analyst', '', '#### Tax Analyst Job Grade', '', `The Tax Analyst is a [grade 6](${G}).`, '',
  '### Senior Tax Analyst', '', '#### Senior Tax Analyst Job Grade', '', 'The grade is still to be decided.', '',
].join('\n');

describe('outline and folding', () => {
  it('outlines the heading tree, each level a class with its grade, the sections properties', async () => {
    const ls = service();
    openMarked(ls, URI, `${LADDER}¦`);
    assert.deepEqual(tree(await ls.getDocumentSymbols(URI, NEVER)), [
      'Responsibilities Property @4-7',
      'Levels Property @8-21',
      '  Tax Analyst Class (grade 6) @10-15',
      '    Tax Analyst Job Grade Property @12-15',
      '  Senior Tax Analyst Class (no grade) @16-21',
      '    Senior Tax Analyst Job Grade Property @18-21',
    ]);
  });

  it('outlines a one-level page under its title with the page\'s grade', async () => {
    const ls = service();
    openMarked(ls, URI, `---\ntitle: "Tax Analyst"\n---\n\n## Job Grade\n\nThe Tax Analyst is a [grade 6](${G}).\n\n## Odd heading¦\n`);
    const symbols = await ls.getDocumentSymbols(URI, NEVER);
    assert.deepEqual(tree(symbols), ['Tax Analyst Class (grade 6) @0-9', '  Job Grade Property @4-7', '  Odd heading Namespace @8-9']);
    assert.equal(symbols[0]!.selectionRange.start.line, 1, 'the title\'s line is what the outline selects');
  });

  it('folds the front matter and each section, without the blank lines after it', async () => {
    const ls = service();
    openMarked(ls, URI, `${LADDER}¦`);
    const folds = (await ls.getFoldingRanges(URI, NEVER)).map((f) => `${f.startLine}-${f.endLine}${f.kind ? ` ${f.kind}` : ''}`);
    assert.deepEqual(folds, ['0-2 region', '4-6', '8-20', '10-14', '12-14', '16-20', '18-20']);
  });
});
