/** What link rules may ask of the handbook index. */
export interface HandbookPage {
  readonly uri: string;
  /** `/handbook/hiring/` style, with the trailing slash Hugo uses. */
  readonly path: string;
  readonly title: string | undefined;
  readonly description: string | undefined;
  readonly anchors: readonly string[];
}

export interface HandbookLinks {
  /** The page a site path (or alias) names, or undefined. */
  resolve(path: string): HandbookPage | undefined;
  /** The page a `ref` shortcode argument names: a path, or a unique file or folder name. */
  resolveRef(arg: string, fromUri: string): HandbookPage | undefined;
  /** Site paths close to a broken one, best first. */
  suggestPaths(path: string, limit: number): string[];
}
