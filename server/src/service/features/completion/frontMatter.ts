import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type Position } from 'vscode-languageserver-types';
import keyData from '../../data/front-matter-keys.json';
import { range } from '../../model/lines';
import type { JobFamilyModel } from '../../model/model';
import type { CursorContext } from '../context';

/** Front-matter keys not used yet, with the shape of their value; values of boolean keys. */
export function frontMatterItems(model: JobFamilyModel, pos: Position, ctx: CursorContext): CompletionItem[] {
  const keyTyped = /^([A-Za-z_]*)$/.exec(ctx.before);
  const used = new Set(model.frontMatter?.entries.map((e) => e.key));
  if (keyTyped) {
    return keyData.keys
      .filter((k) => !used.has(k.key) && !('obsolete' in k && k.obsolete))
      .map((k, i) => ({
        label: k.key,
        kind: CompletionItemKind.Property,
        detail: k.value,
        documentation: { kind: MarkupKind.Markdown, value: k.doc },
        sortText: String(i).padStart(3, '0'),
        insertTextFormat: InsertTextFormat.Snippet,
        textEdit: { range: range(pos.line, 0, pos.line, pos.character), newText: `${k.key}: ${k.snippet}` },
      }));
  }
  const value = /^([A-Za-z_]+):\s*(\S*)$/.exec(ctx.before);
  const key = value && keyData.keys.find((k) => k.key === value[1]);
  if (key?.value === 'boolean') {
    const start = pos.character - (value?.[2]?.length ?? 0);
    return ['true', 'false'].map((v) => ({ label: v, kind: CompletionItemKind.Value, textEdit: { range: range(pos.line, start, pos.line, pos.character), newText: v } }));
  }
  return [];
}
