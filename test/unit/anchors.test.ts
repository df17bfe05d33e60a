import * as assert from 'node:assert/strict';
import { pageAnchors, type PageAnchors } from '../../server/src/service/anchors';
import { parseAttributeList, trailingAttributes } from '../../server/src/service/anchors/attributes';
import { EMOJI_SYMBOL, emojify, withoutEmojiSymbols } from '../../server/src/service/anchors/emoji';
import { HeadingIds, headingIdOf } from '../../server/src/service/anchors/headingIds';
import { rawHtmlIds } from '../../server/src/service/anchors/html';
import { expandShortcodes } from '../../server/src/service/anchors/shortcodes';
import { parseModel } from '../../server/src/service/model/model';

// Expected values are what Hugo 0.111 renders with the handbook's settings (test/hugo proves
// the module against Hugo itself; these pin the rules down without it).

function anchorsOf(body: string, options: Parameters<typeof pageAnchors>[2] = {}): PageAnchors {
  return pageAnchors(body.split('\n'), 0, options);
}

function ids(body: string): string[] {
  return anchorsOf(body).anchors.map((a) => a.id);
}

describe('heading IDs', () => {
  it('are made from the raw source: HTML, entities, markers and link destinations included', () => {
    assert.equal(headingIdOf('<i class="fas fa-users" id="biz-tech-icons"></i> How we operate'), 'i-classfas-fa-users-idbiz-tech-iconsi-how-we-operate');
    assert.equal(headingIdOf('`code` and *emph* & [link](/x/)'), 'code-and-emph--linkx');
    assert.equal(headingIdOf('Entity &amp; &copy; &#123; &nbsp;x'), 'entity-amp-copy-123-nbspx');
    assert.equal(headingIdOf('Escaped \\# hash \\* star'), 'escaped--hash--star');
    assert.equal(headingIdOf('Title <!-- comment --> x'), 'title----comment----x');
  });

  it('keep letters, digits and _ (lower-cased), turn spaces and - into -, drop the rest, tabs too', () => {
    assert.equal(headingIdOf('Under_score and dash-es -- x'), 'under_score-and-dash-es----x');
    assert.equal(headingIdOf('Heading      with   spaces\ttab'), 'heading------with---spacestab');
    assert.equal(headingIdOf('Ünïcödé Straße 日本語'), 'ünïcödé-straße-日本語');
    assert.equal(headingIdOf('Arabic ٣٤ super x² roman Ⅻ modifier ʰ'), 'arabic-٣٤-super-x-roman--modifier-ʰ');
    assert.equal(headingIdOf('nbsp\u00a0x em\u2003space comb e\u0301'), 'nbspx-emspace-comb-e');
  });

  it('lower-case rune by rune, as Go does', () => {
    assert.equal(headingIdOf('\u0130stanbul'), 'istanbul');
    assert.equal(headingIdOf('ΣΣ'), 'σσ');
    assert.equal(headingIdOf('\u1e9e Ω K'), 'ß-ω-k');
  });

  it('are trimmed of Unicode white space first', () => {
    assert.equal(headingIdOf('  foo \u00a0'), 'foo');
    assert.equal(headingIdOf('\u00a0 bar'), 'bar');
  });

  it('take names in document order: explicit IDs are never suffixed, automatic ones get -1, -2, empty ones are "heading"', () => {
    const h = new HeadingIds();
    assert.deepEqual([h.generate('Repeat'), h.generate('Repeat'), h.put('repeat-1'), h.generate('Repeat'), h.put('dup'), h.put('dup'), h.generate(''), h.generate('  '), h.generate('Heading-1')], ['repeat', 'repeat-1', 'repeat-1', 'repeat-2', 'dup', 'dup', 'heading', 'heading-1', 'heading-1-1']);
  });
});

describe('emoji codes', () => {
  it("are replaced as Hugo's lexer does: known names only, tokens left to right", () => {
    const e = EMOJI_SYMBOL;
    assert.equal(emojify(':smile::smile:'), `${e}${e}`);
    assert.equal(emojify('::smile:'), `:${e}`);
    assert.equal(emojify(':smile:smile:'), `${e}smile:`);
    assert.equal(emojify(':foo:smile:'), ':foo:smile:', 'an unknown token uses up its closing colon');
    assert.equal(emojify(':not an:smile:'), `:not an${e}`);
    assert.equal(emojify(':Smile: :ünï:smile:'), `:Smile: :ünï${e}`);
    assert.equal(emojify('10:30 :+1::-1:'), `10:30 ${e}${e}`);
  });

  it('keep the emoji that hold a letter, a digit or ASCII; show headings without the stand-ins', () => {
    assert.equal(emojify(':one: :hash: :information_source:'), '1\ufe0f\u20e3 #\ufe0f\u20e3 \u2139\ufe0f');
    assert.equal(withoutEmojiSymbols(emojify(':rocket: Launch :tada: day')), 'Launch day');
  });

  it('feed heading IDs: most emoji drop out, keycaps leave their digit', () => {
    assert.deepEqual(ids('## :key: Key Details\n\n## Multi :one::two: x\n\n## :notanemoji: Unknown\n\n## :information_source: info'), ['-key-details', 'multi-12-x', 'notanemoji-unknown', 'ℹ-info']);
  });
});

describe('attribute lists', () => {
  it('parse as goldmark does: ids with . and :, the last id wins, key=value, quoted values', () => {
    assert.equal(parseAttributeList('{#my.id:x .c}', 0)?.id, 'my.id:x');
    assert.equal(parseAttributeList('{#first #second}', 0)?.id, 'second');
    assert.equal(parseAttributeList('{ #spaced }', 0)?.id, 'spaced');
    assert.equal(parseAttributeList('{id=kvid}', 0)?.id, 'kvid');
    assert.equal(parseAttributeList('{id="q\\"x"}', 0)?.id, 'q"x');
    assert.equal(parseAttributeList('{.cls}', 0)?.id, undefined);
    assert.equal(parseAttributeList('{#}', 0)?.id, '');
    for (const bad of ['{#a b}', '{#a/b}', '{ }', '{{x}}', '{x}']) assert.equal(parseAttributeList(bad, 0), undefined, bad);
  });

  it('end a heading only when nothing follows; the last { decides; \\{ is text', () => {
    assert.deepEqual(trailingAttributes('Attr {#a .c}'), { text: 'Attr ', id: 'a' });
    assert.equal(trailingAttributes('Mid {#m} trailing'), undefined);
    assert.deepEqual(trailingAttributes('Two {#x} {#y}'), { text: 'Two {#x} ', id: 'y' });
    assert.equal(trailingAttributes('Escaped \\{#e}'), undefined);
    assert.equal(trailingAttributes('Code `{#c}`'), undefined);
  });
});

describe('raw HTML ids', () => {
  it('are the id of any element and the name of <a>, decoded, first of two wins, none in comments or script', () => {
    const found: string[] = [];
    rawHtmlIds(`<a id='s'>x</a><a id=u><A ID="UP"><a data-id="no" name="nm" id="b"><a id="f" id="g"><input name="in"><a id="a&amp;b"><!-- <a id="c"> --><script>'<a id="js">'</script><pre><a id="pre"></pre><?x <a id="pi"> ?>`, (id) => found.push(id));
    assert.deepEqual(found, ['s', 'u', 'UP', 'nm', 'b', 'f', 'a&b', 'pre']);
  });
});

describe('page anchors', () => {
  it('give repeats -1 in document order, with explicit IDs taking their name as they come', () => {
    assert.deepEqual(ids('## Repeat\n\n## Repeat\n\n## Custom {#repeat-1}\n\n## Repeat\n\n## Later {#later}\n\n## later'), ['repeat', 'repeat-1', 'repeat-1', 'repeat-2', 'later', 'later-1']);
  });

  it('strip closing sequences and read `## Title ## {#id}`', () => {
    assert.deepEqual(ids('## Closing ###\n\n## Hash#inside\n\n## Trailing \\## escaped\n\n## Only hashes ##\n\n## Tid ## {#tid}\n\n## Tid2 {#tid2} ##\n\n# #'), ['closing', 'hashinside', 'trailing--escaped', 'only-hashes', 'tid', 'tid2', 'heading']);
  });

  it('make a setext heading from its last line, not from tables or link definitions', () => {
    assert.deepEqual(ids('Line one\nline two *emph*\n---\n\nSetext attr {#setext-id}\n===\n\n| a | b |\n|---|---|\n| 1 | 2 |\n---\n\nintro line\n| c | d |\n|---|---|\n---\n\n[foo]: /url\n===\n\nfoo\n    ---'), ['line-two-emph', 'setext-id', 'intro-line']);
  });

  it('find headings in quotes and list items, not in code, HTML blocks or lazy lines', () => {
    const body = [
      '> ## Quoted', '', '- ## Listed', '', '- item', '', '      ## code in item', '', '1. item', '', '   ## In item', '', '```', '## fenced', '```', '',
      '    ## indented', '', '<div>', '## in html', '</div>', '', 'Para', '    ## lazy', '', '* a', '  ```', '  ## fenced in item', '  ```', '',
    ].join('\n');
    assert.deepEqual(ids(body), ['quoted', 'listed', 'in-item']);
  });

  it('find ids in inline and block HTML, attribute lists after paragraphs, lists, tables, quotes and rules', () => {
    const body = 'Text <span id="s">x</span> `<a id="code">` \\<a id="esc">\n\n<div id="d">\n<a name="n"></a>\n</div>\n\nPara\n{#p}\n\n- list\n{#l}\n\n> quote\n{#q}\n\n***\n{#hr}\n\n## Heading\n{#not-for-headings}\n\nAfter blank\n\n{#not-after-blank}';
    assert.deepEqual(ids(body), ['s', 'd', 'n', 'p', 'l', 'q', 'hr', 'heading']);
  });

  it('number footnotes by first reference, repeats as fnref1:, dropping unreferenced definitions', () => {
    const body = 'Ref[^1] again[^1] and[^b] and [^Case] and `[^b]`.\n\n[^1]: One.\n[^b]: Bee.\n[^unused]: Refers to [^inner].\n\n[^inner]: Inner.\n[^case]: Labels are case-sensitive.';
    assert.deepEqual(new Set(ids(body)), new Set(['fnref:1', 'fnref1:1', 'fnref:2', 'fn:1', 'fn:2', 'fn:3']));
  });

  it('count headings inside {{% wrapper %}}, with the page\'s IDs, not inside {{< wrapper >}}', () => {
    assert.deepEqual(ids('## Wrapped\n\n{{% alert title="x" %}}\n## Wrapped\n{{% /alert %}}\n\n{{% note %}}## Same line{{% /note %}}\n\n{{< panel >}}\n## Angle inner\n{{< /panel >}}'), ['wrapped', 'wrapped-1', 'same-line']);
  });

  it('bring in a readable include with the page\'s IDs, and leave the anchors open when it cannot be read', () => {
    const body = '## Shared\n\n{{% include "includes/x.md" %}}\n\n## Shared';
    const read = anchorsOf(body, { readInclude: (p) => (p === 'includes/x.md' ? '## Shared\n\n## Included' : undefined) });
    assert.deepEqual(read.anchors.map((a) => a.id), ['shared', 'shared-1', 'included', 'shared-2']);
    assert.deepEqual([read.includes, read.open], [['includes/x.md'], []]);
    const unread = anchorsOf(body);
    assert.deepEqual(unread.anchors.map((a) => a.id), ['shared', 'shared-1']);
    assert.deepEqual(unread.open, ['included file "includes/x.md" is not read']);
  });

  it('are open when a shortcode writes headings from data or is not known, and when shortcode output is in a heading', () => {
    assert.deepEqual(anchorsOf('## A\n\n{{% performance-indicators "x" %}}').open, ['shortcode "performance-indicators" writes headings or ids from data']);
    assert.deepEqual(anchorsOf('{{< brand-new >}}').open, ['shortcode "brand-new" is not known']);
    const inHeading = anchorsOf('## With {{< label name="x" >}} label\n\n## Plain');
    assert.deepEqual([inHeading.anchors.map((a) => a.id), inHeading.open], [['plain'], ['a heading has shortcode output in its text']]);
    assert.deepEqual(anchorsOf('## A\n\n{{< member-by-name "x" >}}').open, [], 'a shortcode known to write no headings or ids');
  });

  it('add the anchors shortcodes always write, and {{% a "id" %}}', () => {
    assert.deepEqual(ids('{{< homepage-data-toc >}}\n\n1. {{% a "low-context" %}} Use low context.'), ['td-lead', 'low-context']);
  });

  it('run shortcodes everywhere Hugo does (code blocks, comments) and keep escaped ones as text', () => {
    assert.deepEqual(ids('```\n{{% alert %}}\n## in a fence\n{{% /alert %}}\n```\n\n<!-- {{% alert %}} -->\n## After\n<!-- {{% /alert %}} -->\n\nText {{</* member-by-name "x" */>}}.'), ['after']);
    assert.deepEqual(anchorsOf('Text {{</* brand-new */>}}.').open, []);
  });

  it('replace emoji codes in page text but not in shortcode arguments or output', () => {
    const read = anchorsOf('## In :smile: text\n\n{{% include "i.md" %}}', { readInclude: () => '## Inc :smile: y' });
    assert.deepEqual(read.anchors.map((a) => a.id), ['in--text', 'inc-smile-y']);
  });

  it('of an HTML content file are its HTML ids, without Markdown headings', () => {
    assert.deepEqual(anchorsOf('<h2 id="h">H</h2>\n## not Markdown\n<!-- <a id="c"> -->\n<a name="n"></a>', { html: true }).anchors.map((a) => a.id), ['h', 'n']);
  });

  it('keep source lines through shortcodes that span lines', () => {
    const a = anchorsOf('{{< panel >}}\nx\ny\n{{< /panel >}}\n\n## After panel\n\n{{% alert %}}\n## In alert\n{{% /alert %}}');
    assert.deepEqual(a.headings.map((h) => [h.id, h.line]), [['after-panel', 5], ['in-alert', 8]]);
  });

  it('are the same for the document model (same-page links) and the index', () => {
    const text = '---\ntitle: T\n---\n\n## <i id="icon"></i> Levels\n\n## Levels\n\nText[^1]\n\n[^1]: Note.\n';
    const model = parseModel(text, 'file:///hb/content/job-families/x.md');
    assert.deepEqual(model.anchors.map((a) => a.id), pageAnchors(text.split('\n'), 3).anchors.map((a) => a.id));
    assert.deepEqual(model.anchors.map((a) => [a.id, a.source, a.line]), [['i-idiconi-levels', 'heading', 4], ['icon', 'html', 4], ['levels', 'heading', 6], ['fnref:1', 'footnote', 8], ['fn:1', 'footnote', 10]]);
    assert.deepEqual(model.anchors[1]!.range, { start: { line: 4, character: 10 }, end: { line: 4, character: 14 } });
  });
});

describe('shortcode expansion', () => {
  it('pairs closing tags with the nearest open tag of the name, across nesting', () => {
    const e = expandShortcodes('{{% details %}}\n{{% alert %}}\n## A\n{{% /alert %}}\n{{% /details %}}\n{{< label >}} x');
    assert.deepEqual(e.lines, ['', '', '## A', '', '', 'HAHAHUGOSHORTCODE0HBHB x']);
    assert.deepEqual([...e.marked], [5]);
  });
});
