import type { Range } from 'vscode-languageserver-types';
import { CONFIG_FILE_NAME, CONFIG_LIMITS, mergeConfig, parseConfigFile, settingsLayer, type ClientSettings, type ConfigProblem, type JobFamilyConfig } from './config';
import type { Rule } from './rules/types';
import { matchesGlobs } from './util/glob';
import { safeDecode, type Workspace } from './workspace';

export interface ConfigurationOptions {
  /** False in an untrusted workspace (VS Code's Restricted Mode): the workspace's config file is not read. */
  readonly trusted: boolean;
  /** The config file to read; default `.jobfamily.yml` in the first workspace folder. */
  readonly configUri: string | undefined;
  /** A layer above all others (command-line options, tests). */
  readonly overrides: Partial<JobFamilyConfig> | undefined;
}

export interface ConfigFileState {
  readonly uri: string;
  readonly problems: readonly ConfigProblem[];
}

/**
 * The settings in force, in layers: editor settings win over `.jobfamily.yml`, which wins
 * over the defaults. One home for the decision "is this file a job family", shared by the
 * server and the CLI.
 */
export class Configuration {
  readonly #workspace: Workspace;
  readonly #rules: readonly Rule[];
  readonly #options: ConfigurationOptions;
  #settings: Partial<JobFamilyConfig> = {};
  #file: Partial<JobFamilyConfig> = {};
  #fileState: ConfigFileState | undefined;
  #current: JobFamilyConfig;

  constructor(workspace: Workspace, rules: readonly Rule[], options: ConfigurationOptions) {
    this.#workspace = workspace;
    this.#rules = rules;
    this.#options = options;
    this.#current = this.#merge();
  }

  #merge(): JobFamilyConfig {
    return mergeConfig(this.#file, this.#settings, this.#options.overrides);
  }

  get current(): JobFamilyConfig {
    return this.#current;
  }

  /** The config file and what is wrong with it, once read; undefined when none is read. */
  get file(): ConfigFileState | undefined {
    return this.#fileState;
  }

  get uri(): string | undefined {
    if (this.#options.configUri) return this.#options.configUri;
    const folder = this.#workspace.folders[0];
    return folder ? `${folder}/${CONFIG_FILE_NAME}` : undefined;
  }

  isConfigFile(uri: string): boolean {
    return uri === this.uri;
  }

  /** The editor's `jobFamily.*` settings. True when anything changed. */
  setSettings(raw: ClientSettings | null | undefined): boolean {
    const before = this.#current;
    this.#settings = settingsLayer(raw);
    this.#current = this.#merge();
    return !sameConfig(before, this.#current);
  }

  /** Reads the config file again. True when the configuration in force changed. */
  async load(): Promise<boolean> {
    const before = this.#current;
    this.#file = {};
    this.#fileState = undefined;
    const uri = this.uri;
    if (uri && this.#options.trusted) {
      const problems: ConfigProblem[] = [];
      const stat = await this.#workspace.stat(uri);
      if (stat && stat.size > CONFIG_LIMITS.bytes) {
        problems.push({ message: `${CONFIG_FILE_NAME} is ${stat.size.toLocaleString('en')} bytes, more than the ${(CONFIG_LIMITS.bytes / 1024).toFixed(0)} KB a configuration can have; the defaults apply.`, range: START });
        this.#fileState = { uri, problems };
      } else if (stat) {
        const text = await this.#workspace.readFile(uri);
        if (text !== undefined) {
          const parsed = parseConfigFile(text, this.#rules);
          this.#file = parsed.config;
          this.#fileState = { uri, problems: parsed.problems };
        }
      }
    }
    this.#current = this.#merge();
    return !sameConfig(before, this.#current);
  }

  /** Only pages matching `files` are job families; other Markdown gets nothing from the service. */
  isJobFamily(uri: string): boolean {
    const files = this.#current.files;
    const folder = this.#workspace.folders.find((f) => uri.startsWith(f + '/'));
    if (folder && matchesGlobs(safeDecode(uri.slice(folder.length + 1)), files)) return true;
    return matchesGlobs(safeDecode(uri.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '')), files);
  }
}

const START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function sameConfig(a: JobFamilyConfig, b: JobFamilyConfig): boolean {
  return a.grades === b.grades && JSON.stringify(a.rules) === JSON.stringify(b.rules) && a.files.join('\n') === b.files.join('\n');
}
