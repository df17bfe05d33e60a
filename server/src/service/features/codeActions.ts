import { CodeActionKind, type CodeAction, type Diagnostic, type Range } from 'vscode-languageserver-types';
import { comparePositions } from '../model/lines';
import { FIX_ALL_KIND } from './fixAllKind';
import { combineFixes } from './fixes';
import type { RuleFinding } from './findings';


/** Quick fixes for the findings under `range`, and the fix-all source action. */
export function codeActions(
  uri: string,
  findings: readonly RuleFinding[],
  range: Range,
  diagnostics: readonly Diagnostic[],
  only: readonly string[] | undefined,
  suppressAt?: (line: number) => { line: number; indent: string; eol: string } | undefined,
): CodeAction[] {
  const wants = (kind: string): boolean => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
  const out: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    for (const f of findings) {
      if (!f.fix || !intersects(f.range, range)) continue;
      const diag = diagnostics.find((d) => d.code === f.rule.meta.id && sameRange(d.range, f.range));
      out.push({
        title: `${f.fix.title} (${f.rule.meta.id})`,
        kind: CodeActionKind.QuickFix,
        diagnostics: diag ? [diag] : undefined,
        // Only a safe fix is the one a "fix this" keystroke applies without a look.
        isPreferred: f.fix.kind === 'safe',
        edit: { changes: { [uri]: [...f.fix.edits] } },
      });
    }
  }
  if (wants(CodeActionKind.QuickFix) && suppressAt) {
    const seen = new Set<string>();
    for (const f of findings) {
      if (!intersects(f.range, range)) continue;
      const at = suppressAt(f.range.start.line);
      const key = `${f.rule.meta.id}@${f.range.start.line}`;
      if (!at || seen.has(key)) continue;
      seen.add(key);
      out.push({
        title: `Ignore ${f.rule.meta.id} (${f.rule.meta.alias}) on this line`,
        kind: CodeActionKind.QuickFix,
        isPreferred: false,
        edit: { changes: { [uri]: [{ range: { start: { line: at.line, character: 0 }, end: { line: at.line, character: 0 } }, newText: `${at.indent}<!-- jobfamily-disable-next-line ${f.rule.meta.id} -->${at.eol}` }] } },
      });
    }
  }
  // Fix-all (also on save) applies safe fixes only: it never inserts placeholders or guesses.
  const edits = combineFixes(findings, { suggestions: false });
  if (edits.length && (wants(FIX_ALL_KIND) || (only && only.includes(CodeActionKind.Source)))) {
    out.push({ title: 'Fix all job-family problems that have a safe fix', kind: FIX_ALL_KIND, edit: { changes: { [uri]: edits } } });
  }
  return out;
}

/** Touching counts: a cursor at either end of a finding gets its fix. */
function intersects(a: Range, b: Range): boolean {
  return comparePositions(a.start, b.end) <= 0 && comparePositions(b.start, a.end) <= 0;
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}
