import data from '../data/emoji.json';

/**
 * The site sets `enableEmoji: true`. Hugo's page lexer then replaces each `:name:` token of
 * the page text (not shortcode arguments, not shortcode output) with its emoji before
 * goldmark runs, so a heading's ID sees the emoji, not the name: `## :key: Details` gets
 * `-details`. A token is `:` + ASCII letters, digits, `_`, `-`, `+` + `:`; an unknown
 * name stays as written and its closing colon is used up (`:foo:smile:` keeps both).
 *
 * Anchors need only what an emoji leaves behind: nearly every emoji is a symbol, which an ID
 * drops and Markdown reads as punctuation, so it stands here as one such character,
 * {@link EMOJI_SYMBOL}. The few that hold a letter, a digit or ASCII (keycaps, ℹ️) are kept
 * as they are. data/emoji.json is Hugo's table of names, written compactly (it ships in the
 * browser bundle, packed by scripts/packed-data.mjs): see its `$comment`.
 */
export const EMOJI_SYMBOL = '\uFFFC';

const KEPT: Readonly<Record<string, string>> = data.kept;

/** `:name:` → what Hugo writes for it, as far as anchors can tell. */
export const EMOJI: ReadonlyMap<string, string> = decode(data.names);

function decode(names: string): Map<string, string> {
  const map = new Map<string, string>();
  let previous = '';
  const add = (name: string): void => void map.set(`:${name}:`, Object.hasOwn(KEPT, name) ? KEPT[name]! : EMOJI_SYMBOL);
  for (const entry of names.split(',')) {
    const name = previous.slice(0, entry.charCodeAt(0) - 48) + entry.slice(1);
    if (name.endsWith('_tone*')) for (let t = 1; t <= 5; t++) add(`${name.slice(0, -1)}${t}`);
    else add(name);
    previous = name;
  }
  return map;
}

const TOKEN = /:[A-Za-z0-9_+-]+:/g;

export function emojify(text: string): string {
  if (text.indexOf(':') < 0) return text;
  return text.replace(TOKEN, (token) => EMOJI.get(token) ?? token);
}

/** A heading's text for people: the stand-ins left out, as no emoji is known to show. */
export function withoutEmojiSymbols(text: string): string {
  return text.includes(EMOJI_SYMBOL) ? text.replaceAll(EMOJI_SYMBOL, '').replace(/\s{2,}/g, ' ').trim() : text;
}
