import { throwIfCancelled, type CancellationLike } from '../cancellation';
import { joinUri, parentUri, type Workspace } from '../workspace';

/**
 * One handbook checkout (or part of one) in the workspace, and how much of the site it holds.
 * Links are judged only where the checkout can know the answer: a link into a part of the
 * site that is not here (no `content/handbook` pages, only some job families) is not judged.
 */
export interface Checkout {
  /** The workspace folder it was found in. */
  readonly folder: string;
  /** The folder whose children are the site's top-level sections: site paths are relative to it. */
  readonly content: string;
  /** The folders to index (the content folder, or the one section that is open). */
  readonly walk: readonly string[];
  /** Top-level sections present: `handbook`, `job-families`, `teamops`, … */
  readonly parts: ReadonlySet<string>;
  /**
   * A whole site: the handbook's pages with the site's configuration or layouts beside them.
   * Only then can a missing page be called broken; in a sparse checkout it may just not be here.
   */
  readonly whole: boolean;
  /** `layouts/index.redirects`, when the checkout has it. */
  readonly redirectsTemplate: string | undefined;
}

const SITE_CONFIG = new Set(['config', 'layouts', 'hugo.yaml', 'hugo.yml', 'hugo.toml', 'hugo.json', 'config.yaml', 'config.yml', 'config.toml', 'config.json']);

/** The checkouts of the workspace folders: a folder with `content/`, a folder holding `job-families/`, or a `job-families` folder itself. */
export async function findCheckouts(workspace: Workspace, token: CancellationLike): Promise<Checkout[]> {
  const out: Checkout[] = [];
  for (const folder of workspace.folders) {
    throwIfCancelled(token);
    const top = (await workspace.readDirectory(folder)) ?? [];
    const names = new Set(top.map((e) => e.name));
    if (top.some((e) => e.isDirectory && e.name === 'content')) {
      const content = joinUri(folder, 'content');
      const entries = (await workspace.readDirectory(content)) ?? [];
      const parts = new Set(entries.filter((e) => e.isDirectory && !e.name.startsWith('.')).map((e) => e.name));
      if (!parts.has('handbook') && !parts.has('job-families')) continue;
      const whole = parts.has('handbook') && [...names].some((n) => SITE_CONFIG.has(n));
      const layouts = names.has('layouts') ? await workspace.readDirectory(joinUri(folder, 'layouts')) : undefined;
      const redirectsTemplate = layouts?.some((e) => !e.isDirectory && e.name === 'index.redirects') ? joinUri(joinUri(folder, 'layouts'), 'index.redirects') : undefined;
      out.push({ folder, content, walk: [content], parts, whole, redirectsTemplate });
    } else if (top.some((e) => e.isDirectory && e.name === 'job-families')) {
      // A folder of job families without the rest of the site (a sparse checkout, a copy of some pages).
      out.push({ folder, content: folder, walk: [joinUri(folder, 'job-families')], parts: new Set(['job-families']), whole: false, redirectsTemplate: undefined });
    } else if (/\/job-families$/.test(folder)) {
      // The `content/job-families` folder opened on its own: its pages keep their site paths.
      out.push({ folder, content: parentUri(folder), walk: [folder], parts: new Set(['job-families']), whole: false, redirectsTemplate: undefined });
    }
  }
  return out;
}
