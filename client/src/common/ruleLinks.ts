import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient';

/**
 * Rule codes in the Problems panel and hovers link to the rule's page. The server links to
 * the Markdown file shipped with the extension, which VS Code would open as an editable text
 * file; the client points the link at `jobFamily.showRule` instead, which opens the page
 * rendered, where its links to other rule pages work.
 */
export const SHOW_RULE = 'jobFamily.showRule';

const RULE_CODE = /^JF\d{3}$/;

function withRuleLink(d: vscode.Diagnostic): vscode.Diagnostic {
  const code = typeof d.code === 'object' ? d.code.value : d.code;
  if (typeof code !== 'string' || !RULE_CODE.test(code)) return d;
  d.code = { value: code, target: vscode.Uri.parse(`command:${SHOW_RULE}?${encodeURIComponent(JSON.stringify([code]))}`) };
  return d;
}

export const ruleLinkMiddleware: Middleware = {
  handleDiagnostics(uri, diagnostics, next) {
    next(uri, diagnostics.map(withRuleLink));
  },
  async provideDiagnostics(document, previousResultId, token, next) {
    const report = await next(document, previousResultId, token);
    if (report && 'items' in report) report.items = report.items.map(withRuleLink);
    return report;
  },
};

/** Opens a rule's page (or the list of rules) rendered, in the Markdown preview. */
export async function showRule(extensionUri: vscode.Uri, code?: unknown): Promise<vscode.Uri> {
  const name = typeof code === 'string' && RULE_CODE.test(code.toUpperCase()) ? code.toUpperCase() : 'README';
  const page = vscode.Uri.joinPath(extensionUri, 'docs', 'rules', `${name}.md`);
  await vscode.commands.executeCommand('markdown.showPreview', page);
  return page;
}
