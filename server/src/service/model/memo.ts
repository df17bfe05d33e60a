import type { ScannedLine } from './inlineScanner';
import { LineMemo } from './lineMemo';
import type { WordToken } from './words';

/**
 * What one version of a page worked out line by line, handed to the next version of the same
 * open document: typing changes a line or two, and the rest is not scanned again.
 */
export class ModelMemo {
  readonly inline: LineMemo<ScannedLine>;
  readonly words: LineMemo<readonly WordToken[]>;
  #references = '';
  readonly #previousReferences: string | undefined;

  constructor(previous?: ModelMemo) {
    this.inline = new LineMemo(previous?.inline);
    this.words = new LineMemo(previous?.words);
    this.#previousReferences = previous ? previous.#references : undefined;
  }

  /**
   * A line's inline scan resolves reference links through the page's link reference
   * definitions: when they change, no earlier scan is reused.
   */
  useReferences(references: ReadonlyMap<string, string>): void {
    this.#references = references.size ? JSON.stringify([...references]) : '';
    if (this.#references !== this.#previousReferences) this.inline.forgetPrevious();
  }
}
