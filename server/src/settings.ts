import type { JobFamilyConfig, SeveritySetting } from './service';

/** The `jobFamily.*` settings as the client sends them. */
export interface ClientSettings {
  files?: unknown;
  rules?: unknown;
}

const SEVERITIES = new Set(['error', 'warning', 'info', 'hint', 'off']);

/** Keeps only well-formed values: a bad setting falls back to the default instead of breaking checks. */
export function settingsLayer(raw: ClientSettings | undefined): Partial<JobFamilyConfig> {
  const out: { files?: string[]; rules?: Record<string, SeveritySetting> } = {};
  if (Array.isArray(raw?.files) && raw.files.every((f) => typeof f === 'string')) out.files = raw.files;
  if (raw?.rules && typeof raw.rules === 'object') {
    const rules: Record<string, SeveritySetting> = {};
    for (const [k, v] of Object.entries(raw.rules)) {
      if (isSeverity(v)) rules[k.toLowerCase().startsWith('jf') ? k.toUpperCase() : k] = v;
    }
    out.rules = rules;
  }
  return out;
}

function isSeverity(v: unknown): v is SeveritySetting {
  return typeof v === 'string' && SEVERITIES.has(v);
}
