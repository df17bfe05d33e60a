import { realpathSync } from 'node:fs';
import * as path from 'node:path';
import { toSlash } from './discover';

/**
 * How a file is printed: relative to the working directory, with `/`, or absolute when it
 * lies outside. A file named through a symbolic link (a `shared` folder linked beside the
 * checkout) is still printed relative when its real path lies in the working directory's:
 * the working directory a process gets is always a real path.
 */
export function pathDisplay(cwd: string): (file: string) => string {
  let realCwd: string | undefined;
  return (file) => {
    const plain = inside(cwd, file);
    if (plain !== undefined) return plain;
    realCwd ??= tryRealpath(cwd) ?? cwd;
    // The folder's real path: the file itself may not exist (--stdin-filename).
    const realDir = tryRealpath(path.dirname(file));
    const viaReal = realDir === undefined ? undefined : inside(realCwd, path.join(realDir, path.basename(file)));
    return viaReal ?? toSlash(file);
  };
}

function inside(dir: string, file: string): string | undefined {
  const r = path.relative(dir, file);
  return r && r !== '..' && !r.startsWith(`..${path.sep}`) && !path.isAbsolute(r) ? toSlash(r) : undefined;
}

function tryRealpath(p: string): string | undefined {
  try {
    return realpathSync(p);
  } catch {
    return undefined;
  }
}
