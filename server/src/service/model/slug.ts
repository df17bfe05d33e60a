/**
 * Heading IDs as Hugo (Goldmark, autoHeadingIDType "github") makes them: the rendered
 * text, lower-cased; letters, digits, `_` and `-` kept; spaces become `-`; everything
 * else dropped. Repeats get `-1`, `-2`, ... in document order.
 */
export function hugoSlug(headingText: string): string {
  return renderedText(headingText)
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}_ -]/gu, '')
    .replace(/ /g, '-');
}

/** The text a reader sees: links, code, emphasis and HTML reduced to their words. */
export function renderedText(markdown: string): string {
  if (!/[[\]`<*_\\&]/.test(markdown)) return markdown;
  return markdown
    // Each pattern stops at the next opening bracket or parenthesis, so no text is rescanned.
    .replace(/!?\[([^[\]]*)\]\([^()]*\)/g, '$1')
    .replace(/!?\[([^[\]]*)\]\[[^[\]]*\]/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/<[^<>]+>/g, '')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|\W)[*_](.+?)[*_](?=\W|$)/g, '$1$2')
    .replace(/\\([\\`*_{}[\]()#+\-.!])/g, '$1')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, e: string) => ENTITIES[e] ?? '');
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };

/** Gives each slug its Hugo suffix when it repeats: a, a-1, a-2. */
export class SlugCounter {
  readonly #seen = new Map<string, number>();

  next(slug: string): string {
    const n = this.#seen.get(slug);
    if (n === undefined) {
      this.#seen.set(slug, 0);
      return slug;
    }
    let k = n + 1;
    while (this.#seen.has(`${slug}-${k}`)) k++;
    this.#seen.set(slug, k);
    this.#seen.set(`${slug}-${k}`, 0);
    return `${slug}-${k}`;
  }

  /** Records an ID that is taken without a suffix (a custom `{#id}`). */
  reserve(id: string): void {
    if (!this.#seen.has(id)) this.#seen.set(id, 0);
  }
}
