import type { ScannedLine } from './inlineScanner';
import type { BlockState } from './blockReuse';
import { LineMemo } from './lineMemo';
import type { Segment } from './blocks';
import type { SegmentFacts } from './segmentFacts';
import type { SegmentGrades } from './grades';

/**
 * What one version of a page worked out line by line, handed to the next version of the same
 * open document: typing changes a line or two, and the rest is not scanned again.
 */
/**
 * What `compute` gives for one line's text, kept under `key` in the model's memo when it has
 * one (a model built by hand has none), so the next version of the document reuses it.
 */
export function perLine<T>(model: { readonly memo?: ModelMemo }, key: object, text: string, compute: (text: string) => T): T {
  return model.memo ? model.memo.lines<T>(key).get(text, compute) : compute(text);
}

export class ModelMemo {
  readonly inline: LineMemo<ScannedLine>;
  #references = '';
  readonly #previousReferences: string | undefined;
  readonly #byKey = new Map<object, LineMemo<unknown>>();
  readonly #previousByKey: ReadonlyMap<object, LineMemo<unknown>> | undefined;
  /** Facts of the segments, shared by the versions of one document (kept segments are the same objects). */
  readonly segments: WeakMap<Segment, SegmentFacts>;
  /** Grade mentions of the segments, shared the same way. */
  readonly grades: WeakMap<Segment, SegmentGrades>;
  /** This version's blocks, set once they are built. */
  blocks: BlockState | undefined;
  #previousBlocks: BlockState | undefined;

  constructor(previous?: ModelMemo) {
    this.inline = new LineMemo(previous?.inline);
    this.#previousBlocks = previous?.blocks;
    this.segments = previous?.segments ?? new WeakMap();
    this.grades = previous?.grades ?? new WeakMap();
    this.#previousReferences = previous ? previous.#references : undefined;
    this.#previousByKey = previous ? previous.#byKey : undefined;
  }

  /** The previous version's blocks, once: the memo does not keep the previous text alive after. */
  takePreviousBlocks(): BlockState | undefined {
    const blocks = this.#previousBlocks;
    this.#previousBlocks = undefined;
    return blocks;
  }

  /**
   * A memo for what a rule works out from a prose line's text alone. `key` names the
   * computation and everything else it depends on (a rule's compiled word list, say): a new
   * key starts empty.
   */
  lines<T>(key: object): LineMemo<T> {
    let memo = this.#byKey.get(key);
    if (!memo) {
      memo = new LineMemo(this.#previousByKey?.get(key));
      this.#byKey.set(key, memo);
    }
    return memo as LineMemo<T>;
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
