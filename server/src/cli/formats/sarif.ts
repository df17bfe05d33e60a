import { pathToFileURL } from 'node:url';
import { RULES, type Severity } from '../../service';
import { ruleDocs } from '../../service/rules/docs';
import { fingerprints } from './fingerprint';
import type { Report } from './report';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

export const PACKAGE_NAME = 'job-family-authoring';

/**
 * Where a rule's page is read: the rule docs ship in the npm package (docs/rules/JF0NN.md),
 * and a package CDN serves each published version's files, so the link shows the page of
 * the very version that produced the finding and never moves.
 */
export function ruleHelpUri(id: string, version: string): string {
  const tag = /^\d+\.\d+\.\d+/.test(version) ? `@${version}` : '';
  return `https://unpkg.com/${PACKAGE_NAME}${tag}/docs/rules/${id}.md`;
}

/** "required-section" → "RequiredSection": SARIF asks for an identifier-like friendly name. */
function pascal(alias: string): string {
  return alias.replace(/(^|-)([a-z0-9])/g, (_m, _d: string, c: string) => c.toUpperCase());
}

/** Markdown docs pages start with prose; the first paragraph serves as the full description. */
function firstParagraph(docs: string): string {
  return docs.split(/\n\s*\n/)[0]!.replace(/\s+/g, ' ').trim();
}

/** A SARIF 2.1.0 log with one run, the rules in `tool.driver.rules`, paths relative to the working directory. */
export function formatSarif(report: Report): string {
  const prints = fingerprints(report.problems);
  const index = new Map(RULES.map((r, i) => [r.meta.id, i]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'jobfamily-lint',
            fullName: 'Job Family Authoring (jobfamily-lint)',
            version: report.version,
            semanticVersion: /^\d+\.\d+\.\d+/.test(report.version) ? report.version : undefined,
            informationUri: `https://www.npmjs.com/package/${PACKAGE_NAME}`,
            rules: RULES.map((r) => ({
              id: r.meta.id,
              name: pascal(r.meta.alias),
              shortDescription: { text: r.meta.description },
              fullDescription: { text: firstParagraph(ruleDocs(r.meta.id)) },
              helpUri: ruleHelpUri(r.meta.id, report.version),
              help: { text: `${r.meta.description} See ${ruleHelpUri(r.meta.id, report.version)}`, markdown: ruleDocs(r.meta.id) },
              defaultConfiguration: { level: LEVEL[r.meta.severity] },
              properties: { alias: r.meta.alias, tags: [...r.meta.tags], fixable: r.meta.fixable },
            })),
          },
        },
        originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(report.cwd.endsWith('/') ? report.cwd : `${report.cwd}/`).href } },
        columnKind: 'utf16CodeUnits',
        results: report.problems.map((p, i) => ({
          ruleId: p.code,
          ruleIndex: index.get(p.code) ?? -1,
          level: LEVEL[p.severity],
          message: { text: p.message.endsWith('.') ? p.message : `${p.message}.` },
          locations: [
            {
              physicalLocation: {
                artifactLocation: p.file.startsWith('/') ? { uri: pathToFileURL(p.file).href } : { uri: encodeURI(p.file), uriBaseId: 'SRCROOT' },
                region: { startLine: p.line, startColumn: p.column, endLine: p.endLine, endColumn: p.endColumn },
              },
            },
          ],
          partialFingerprints: { 'jobFamilyFinding/v1': prints[i]! },
        })),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
