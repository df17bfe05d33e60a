/**
 * Glob patterns as VS Code settings use them: `**` any folders, `*` any characters but `/`,
 * `?` one character, `{a,b}` alternatives, `[abc]` a character class. Matched against a path
 * relative to the workspace folder (or a full path, whose tail may match).
 */
const cache = new Map<string, RegExp>();

export function globToRegExp(glob: string): RegExp {
  const hit = cache.get(glob);
  if (hit) return hit;
  let re = '';
  let i = 0;
  let inGroup = false;
  while (i < glob.length) {
    const c = glob[i]!;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const slash = glob[i + 2] === '/';
        re += slash ? '(?:[^/]*/)*' : '.*';
        i += slash ? 3 : 2;
        continue;
      }
      re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '{') {
      inGroup = true;
      re += '(?:';
    } else if (c === '}' && inGroup) {
      inGroup = false;
      re += ')';
    } else if (c === ',' && inGroup) re += '|';
    else if (c === '[') {
      const close = glob.indexOf(']', i);
      if (close > i) {
        re += `[${glob.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = close + 1;
        continue;
      }
      re += '\\[';
    } else re += c.replace(/[.+^$()|\\]/g, '\\$&');
    i++;
  }
  const out = new RegExp(`(?:^|/)${re}$`);
  cache.set(glob, out);
  return out;
}

export function matchesGlobs(path: string, globs: readonly string[]): boolean {
  const p = path.replace(/\\/g, '/');
  return globs.some((g) => globToRegExp(g.replace(/^\.\//, '')).test(p));
}
