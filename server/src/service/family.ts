import { throwIfCancelled, type CancellationLike } from './cancellation';
import type { JobFamilyModel } from './model/model';
import { baseName, parentUri, joinUri, type DirectoryEntry } from './workspace';

/** Where a family's other pages come from: open documents first, then the handbook index, then the workspace. */
export interface FamilySources {
  /** The entries of a folder, or undefined when it cannot be listed (no workspace, outside it). */
  listFolder(folder: string): Promise<readonly DirectoryEntry[] | undefined>;
  /** The model of another page of the folder. */
  model(uri: string): Promise<JobFamilyModel | undefined>;
}

/**
 * Where a page stands in its job family:
 * - `standalone`: the page is the whole family;
 * - `index`: the `_index.md` of a split family (the family checks run here, over every file);
 * - `level`: one level file of a split family (only its own level is checked);
 * - `landing`: a folder's landing page, not a job family;
 * - `unknown`: it may belong to a split family whose other files cannot be read.
 */
export type FamilyRole = 'standalone' | 'index' | 'level' | 'landing' | 'unknown';

export interface Family {
  readonly self: JobFamilyModel;
  readonly role: FamilyRole;
  /** Every page of the family, `self` included; for a split family the index comes first. */
  readonly members: readonly JobFamilyModel[];
  /** True when the family-wide checks (required sections, …) should run on this page. */
  readonly checksFamily: boolean;
}


export function standaloneFamily(self: JobFamilyModel): Family {
  const role = self.layout === 'landing' ? 'landing' : maybeSplitPart(self) ? 'unknown' : 'standalone';
  return { self, role, members: [self], checksFamily: role === 'standalone' };
}

/** A page that could be part of a split family: an `_index.md`, or a page with no `##` structure of its own. */
function maybeSplitPart(model: JobFamilyModel): boolean {
  if (model.fileName === '_index.md') return true;
  return model.frontMatter?.entries.some((e) => e.key === 'weight') === true && !model.sections.some((s) => s.depth === 2 && !s.kind);
}

export async function loadFamily(self: JobFamilyModel, sources: FamilySources, token: CancellationLike): Promise<Family> {
  if (self.layout === 'landing') return { self, role: 'landing', members: [self], checksFamily: false };
  const folder = parentUri(self.uri);
  const entries = await sources.listFolder(folder);
  throwIfCancelled(token);
  if (!entries) return standaloneFamily(self);
  const hasIndex = entries.some((e) => !e.isDirectory && e.name === '_index.md');
  if (!hasIndex) return { self, role: 'standalone', members: [self], checksFamily: true };

  const read = async (name: string): Promise<JobFamilyModel | undefined> => {
    const uri = joinUri(folder, name);
    if (uri === self.uri || baseName(uri) === self.fileName) return self;
    return sources.model(uri);
  };
  const index = await read('_index.md');
  if (!index || index.layout === 'landing') {
    return { self, role: 'standalone', members: [self], checksFamily: self !== index };
  }
  const levels: JobFamilyModel[] = [];
  for (const e of entries) {
    if (e.isDirectory || e.name === '_index.md' || !e.name.endsWith('.md')) continue;
    throwIfCancelled(token);
    const m = await read(e.name);
    // Every job-family page of the folder is part of the family its _index.md describes: level
    // files, and pages that hold several levels of one track.
    if (m && m.layout !== 'landing') levels.push(m);
  }
  if (self === index) return { self, role: 'index', members: [index, ...levels], checksFamily: true };
  if (!levels.includes(self)) return { self, role: 'standalone', members: [self], checksFamily: true };
  return { self, role: 'level', members: [index, ...levels], checksFamily: false };
}
