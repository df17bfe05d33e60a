import type { Format } from '../args';
import { formatGitlab } from './gitlab';
import { formatJson } from './json';
import type { Report } from './report';
import { formatSarif } from './sarif';
import { formatText } from './text';

export const FORMATTERS: Record<Format, (report: Report) => string> = { text: formatText, json: formatJson, gitlab: formatGitlab, sarif: formatSarif };
export type { Problem, Report } from './report';
export type { JsonFinding } from './json';
export { summary } from './text';
