import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import type { Range } from 'vscode-languageserver-types';
import { isGradeTableData, type GradeTableData } from './grades/gradeTable';
import { LineIndex } from './model/lines';
import type { Rule, SeveritySetting } from './rules/types';
import { closest } from './util/distance';

export const CONFIG_FILE_NAME = '.jobfamily.yml';
export const DEFAULT_FILES: readonly string[] = ['**/job-families/**/*.md'];
const SEVERITIES: readonly SeveritySetting[] = ['error', 'warning', 'info', 'hint', 'off'];

export interface JobFamilyConfig {
  /** Severity overrides by rule code or alias. */
  readonly rules: Readonly<Record<string, SeveritySetting>>;
  /** Globs (relative to the workspace folder) of the pages that are job families. */
  readonly files: readonly string[];
  /** A grade table that replaces the built-in one. */
  readonly grades: GradeTableData | undefined;
}

export const DEFAULT_CONFIG: JobFamilyConfig = { rules: {}, files: DEFAULT_FILES, grades: undefined };

export interface ConfigProblem {
  readonly message: string;
  readonly range: Range;
}

/** Later layers win, rule by rule. */
export function mergeConfig(...layers: (Partial<JobFamilyConfig> | undefined)[]): JobFamilyConfig {
  let out = DEFAULT_CONFIG;
  for (const l of layers) {
    if (!l) continue;
    out = {
      rules: { ...out.rules, ...(l.rules ?? {}) },
      files: l.files && l.files.length ? l.files : out.files,
      grades: l.grades ?? out.grades,
    };
  }
  return out;
}

export function severityFor(rule: Rule, config: JobFamilyConfig): SeveritySetting {
  return config.rules[rule.meta.id] ?? config.rules[rule.meta.alias] ?? rule.meta.severity;
}

/**
 * Reads `.jobfamily.yml`: data only. Every problem is reported with its position and the
 * offending entry is ignored, so a bad file leaves the defaults in place.
 */
export function parseConfigFile(text: string, rules: readonly Rule[]): { config: Partial<JobFamilyConfig>; problems: ConfigProblem[] } {
  const lines = new LineIndex(text);
  const problems: ConfigProblem[] = [];
  const at = (node: YamlNode | null | undefined): Range => {
    const r = node?.range;
    if (!r) return lines.lineRange(0);
    return { start: lines.positionAt(r[0]), end: lines.positionAt(Math.max(r[0], r[1])) };
  };
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
  for (const e of doc.errors) {
    problems.push({ message: `${CONFIG_FILE_NAME} is not valid YAML: ${e.message.split('\n')[0]}; the defaults apply.`, range: { start: lines.positionAt(e.pos[0]), end: lines.positionAt(e.pos[1]) } });
  }
  if (doc.errors.length) return { config: {}, problems };
  const root = doc.contents as YamlNode | null;
  if (root === null || (isScalar(root) && root.value === null)) return { config: {}, problems };
  if (!isMap(root)) {
    problems.push({ message: `${CONFIG_FILE_NAME} must be a mapping with \`rules\`, \`files\` or \`grades\`; the defaults apply.`, range: at(root) });
    return { config: {}, problems };
  }
  const names = new Map<string, string>();
  for (const r of rules) {
    names.set(r.meta.id.toLowerCase(), r.meta.id);
    names.set(r.meta.alias.toLowerCase(), r.meta.alias);
  }
  const config: { rules?: Record<string, SeveritySetting>; files?: string[]; grades?: GradeTableData } = {};
  for (const pair of root.items) {
    const keyNode = pair.key as YamlNode;
    const key = isScalar(keyNode) ? String(keyNode.value) : '';
    const value = pair.value as YamlNode | null;
    if (key === 'rules') {
      if (!value || !isMap(value)) {
        problems.push({ message: '`rules` must map rule codes or names to error, warning, info, hint or off.', range: at(value ?? keyNode) });
        continue;
      }
      const out: Record<string, SeveritySetting> = {};
      for (const rp of value.items) {
        const rk = rp.key as YamlNode;
        const name = isScalar(rk) ? String(rk.value) : '';
        const known = names.get(name.toLowerCase());
        if (!known) {
          const guess = closest(name, names.values(), (n) => n, 3);
          problems.push({ message: `Unknown rule \`${name}\`${guess ? `: did you mean \`${guess}\`` : ''}; it is ignored.`, range: at(rk) });
          continue;
        }
        const rv = rp.value as YamlNode | null;
        const sev = rv && isScalar(rv) ? String(rv.value === false ? 'off' : rv.value).toLowerCase() : '';
        if (!SEVERITIES.includes(sev as SeveritySetting)) {
          problems.push({ message: `\`${name}\` must be one of ${SEVERITIES.join(', ')}; it keeps its default.`, range: at(rv ?? rk) });
          continue;
        }
        out[known] = sev as SeveritySetting;
      }
      config.rules = out;
    } else if (key === 'files') {
      if (!value || !isSeq(value) || !value.items.every((i) => isScalar(i) && typeof i.value === 'string' && i.value.trim())) {
        problems.push({ message: '`files` must be a list of glob patterns such as "**/job-families/**/*.md"; the default applies.', range: at(value ?? keyNode) });
        continue;
      }
      config.files = value.items.map((i) => String((i as { value: unknown }).value));
    } else if (key === 'grades') {
      const data = value?.toJSON() as unknown;
      if (!isGradeTableData(data)) {
        problems.push({ message: '`grades` must have `page` and `tables` (each with id, name, anchor and rows of grade, management, individual); the built-in table applies.', range: at(value ?? keyNode) });
        continue;
      }
      config.grades = data;
    } else {
      const guess = closest(key, ['rules', 'files', 'grades'], (k) => k, 2);
      problems.push({ message: `Unknown setting \`${key}\`${guess ? `: did you mean \`${guess}\`` : ''}; it is ignored.`, range: at(keyNode) });
    }
  }
  return { config, problems };
}
