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

/**
 * Bounds on `.jobfamily.yml`, the same in the editor and the CLI: far above any real
 * configuration, low enough that a hostile file cannot cost memory or time.
 */
export const CONFIG_LIMITS = {
  bytes: 256 * 1024,
  files: 100,
  patternLength: 500,
  tables: 20,
  rows: 100,
  titles: 50,
  textLength: 200,
} as const;

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
  const problems: ConfigProblem[] = [];
  if (text.length > CONFIG_LIMITS.bytes) {
    problems.push({ message: `${CONFIG_FILE_NAME} has ${text.length.toLocaleString('en')} characters, more than the ${(CONFIG_LIMITS.bytes / 1024).toFixed(0)} KB a configuration can have; the defaults apply.`, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } });
    return { config: {}, problems };
  }
  const lines = new LineIndex(text);
  const at = (node: YamlNode | null | undefined): Range => {
    const r = node?.range;
    if (!r) return lines.lineRange(0);
    return { start: lines.positionAt(r[0]), end: lines.positionAt(Math.max(r[0], r[1])) };
  };
  const doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false, logLevel: 'silent' });
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
      if (value.items.length > CONFIG_LIMITS.files || value.items.some((i) => String((i as { value: unknown }).value).length > CONFIG_LIMITS.patternLength)) {
        problems.push({ message: `\`files\` may list at most ${CONFIG_LIMITS.files} patterns of at most ${CONFIG_LIMITS.patternLength} characters; the default applies.`, range: at(value) });
        continue;
      }
      config.files = value.items.map((i) => String((i as { value: unknown }).value));
    } else if (key === 'grades') {
      const data = value?.toJSON() as unknown;
      const tooBig = gradeTableTooBig(data);
      if (tooBig) {
        problems.push({ message: `\`grades\` is larger than a grade table can be (${tooBig}); the built-in table applies.`, range: at(value ?? keyNode) });
        continue;
      }
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

/** What makes a grade table too large to be real, or undefined when it is within the limits. */
function gradeTableTooBig(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const tables = (data as { tables?: unknown }).tables;
  if (!Array.isArray(tables)) return undefined;
  if (tables.length > CONFIG_LIMITS.tables) return `${tables.length} tables, at most ${CONFIG_LIMITS.tables}`;
  for (const t of tables as { rows?: unknown; name?: unknown }[]) {
    if (Array.isArray(t.rows) && t.rows.length > CONFIG_LIMITS.rows) return `${t.rows.length} rows, at most ${CONFIG_LIMITS.rows}`;
    for (const r of Array.isArray(t.rows) ? (t.rows as { management?: unknown; individual?: unknown }[]) : []) {
      for (const list of [r?.management, r?.individual]) {
        if (Array.isArray(list) && list.length > CONFIG_LIMITS.titles) return `${list.length} titles in a row, at most ${CONFIG_LIMITS.titles}`;
        if (Array.isArray(list) && list.some((x) => typeof x === 'string' && x.length > CONFIG_LIMITS.textLength)) return `a title longer than ${CONFIG_LIMITS.textLength} characters`;
      }
    }
  }
  return undefined;
}

/** The `jobFamily.*` settings as an editor sends them. */
export interface ClientSettings {
  files?: unknown;
  rules?: unknown;
}

/** Keeps only well-formed values: a bad setting falls back to the default instead of breaking checks. */
export function settingsLayer(raw: ClientSettings | null | undefined): Partial<JobFamilyConfig> {
  const out: { files?: string[]; rules?: Record<string, SeveritySetting> } = {};
  if (Array.isArray(raw?.files) && raw.files.length <= CONFIG_LIMITS.files && raw.files.every((f) => typeof f === 'string' && f.length <= CONFIG_LIMITS.patternLength)) out.files = raw.files as string[];
  if (raw?.rules && typeof raw.rules === 'object') {
    const rules: Record<string, SeveritySetting> = {};
    for (const [k, v] of Object.entries(raw.rules)) {
      if (typeof v === 'string' && (SEVERITIES as readonly string[]).includes(v)) rules[k.toLowerCase().startsWith('jf') ? k.toUpperCase() : k] = v as SeveritySetting;
    }
    out.rules = rules;
  }
  return out;
}
