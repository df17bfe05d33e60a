/** The text a reader sees: links, code, emphasis and HTML reduced to their words. */
export function renderedText(markdown: string): string {
  if (!/[[\]`<*_\\&]/.test(markdown)) return markdown;
  return markdown
    // Each pattern stops at the next opening bracket or parenthesis, so no text is rescanned.
    .replace(/!?\[([^[\]]*)\]\([^()]*\)/g, '$1')
    .replace(/!?\[([^[\]]*)\]\[[^[\]]*\]/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/<[^<>]+>/g, '')
    // Emphasis markers go on their own, never by pairing (pairing scans ahead from every marker).
    .replace(/\*+/g, '')
    .replace(/(^|\W)_+|_+(?=\W|$)/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!])/g, '$1')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, e: string) => ENTITIES[e] ?? '');
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };
