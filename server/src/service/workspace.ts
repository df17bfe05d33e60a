/**
 * What the service may ask of the world. The service never touches a file system itself:
 * Node, the browser and tests each provide one of these. Every method answers `undefined`
 * (or nothing) rather than throwing when a file is missing, unreadable or outside the
 * workspace folders.
 */
export interface Workspace {
  /** Workspace folder URIs (`file:///…`), without trailing slashes. Empty when none is open. */
  readonly folders: readonly string[];
  /** The text of a file: the editor's unsaved text when it is open. */
  readFile(uri: string): Promise<string | undefined>;
  /** Names of the entries of a folder, with whether each is a folder. */
  readDirectory(uri: string): Promise<readonly DirectoryEntry[] | undefined>;
  /** Size and type of a file or folder, without reading it. */
  stat(uri: string): Promise<FileStat | undefined>;
}

export interface FileStat {
  readonly size: number;
  readonly isDirectory: boolean;
}

export interface DirectoryEntry {
  readonly name: string;
  readonly isDirectory: boolean;
  /** A symbolic link (to a file or folder inside the workspace). Folder walks do not descend into linked folders. */
  readonly isSymbolicLink?: boolean;
}

/** A workspace with nothing in it: a single file, or a virtual workspace. */
export const NO_WORKSPACE: Workspace = {
  folders: [],
  readFile: () => Promise.resolve(undefined),
  readDirectory: () => Promise.resolve(undefined),
  stat: () => Promise.resolve(undefined),
};

export function parentUri(uri: string): string {
  const cut = uri.lastIndexOf('/');
  return cut > 0 ? uri.slice(0, cut) : uri;
}

export function joinUri(base: string, name: string): string {
  return `${base.replace(/\/+$/, '')}/${encodeURIComponent(name).replace(/%2F/g, '/')}`;
}

export function baseName(uri: string): string {
  return safeDecode(uri.slice(uri.lastIndexOf('/') + 1));
}

export function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** True when `uri` lies inside one of the folders (never by `..` tricks: URIs are normalised first). */
export function isInside(uri: string, folders: readonly string[]): boolean {
  const normal = normalizeUri(uri);
  if (normal === undefined) return false;
  return folders.some((f) => {
    const folder = normalizeUri(f);
    return folder !== undefined && (normal === folder || normal.startsWith(folder + '/'));
  });
}

/** Resolves `.` and `..` segments; undefined when `..` climbs above the root. */
export function normalizeUri(uri: string): string | undefined {
  const m = /^([a-z][a-z0-9+.-]*:\/\/[^/]*)(\/.*)?$/i.exec(uri);
  if (!m) return undefined;
  const out: string[] = [];
  for (const seg of (m[2] ?? '').split('/')) {
    const s = safeDecode(seg);
    if (s === '' || s === '.') continue;
    if (s === '..') {
      if (!out.length) return undefined;
      out.pop();
      continue;
    }
    out.push(seg);
  }
  return `${m[1]}/${out.join('/')}`.replace(/\/$/, '');
}
