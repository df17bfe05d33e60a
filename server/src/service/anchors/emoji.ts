import data from '../data/emoji.json';

/**
 * The site sets `enableEmoji: true`. Hugo's page lexer then replaces each `:name:` token of
 * the page text (not shortcode arguments, not shortcode output) with its emoji before
 * goldmark runs, so a heading's ID sees the emoji, not the name: `## :key: Details` gets
 * `-details`. A token is `:` + ASCII letters, digits, `_`, `-`, `+` + `:`; an unknown
 * name stays as written and its closing colon is used up (`:foo:smile:` keeps both).
 * data/emoji.json is Hugo's table (every name Hugo 0.111 replaces, with its emoji), written
 * compactly (it ships in the browser bundle): see its `$comment`.
 */
export const EMOJI: ReadonlyMap<string, string> = decode(data.names, data.values);

function decode(names: string, values: string): Map<string, string> {
  const map = new Map<string, string>();
  const emoji = values.split(' ');
  let previous = '';
  names.split(',').forEach((entry, i) => {
    const name = previous.slice(0, entry.charCodeAt(0) - 48) + entry.slice(1);
    map.set(`:${name}:`, emoji[i]!);
    previous = name;
  });
  return map;
}

const TOKEN = /:[A-Za-z0-9_+-]+:/g;

export function emojify(text: string): string {
  if (text.indexOf(':') < 0) return text;
  return text.replace(TOKEN, (token) => EMOJI.get(token) ?? token);
}
