import { failedModel, parseModel, type JobFamilyModel } from './model/model';

/** The least the service needs of a document: what `TextDocument` has. */
export interface DocumentLike {
  readonly uri: string;
  readonly version: number;
  getText(): string;
}

interface OpenDocument {
  doc: DocumentLike;
  /** Checked whatever `files` says. */
  readonly forced: boolean;
  model: { readonly version: number; readonly model: JobFamilyModel } | undefined;
}

/**
 * The documents the editor has open, with one model per version, parsed when first asked
 * for. A model that fails to build costs that document its findings, never the service.
 */
export class Documents {
  readonly #open = new Map<string, OpenDocument>();

  /** `parse` gets the document's last model, when it has one, to reuse what its lines gave. */
  constructor(private readonly parse: (uri: string, text: string, version: number, previous: JobFamilyModel | undefined) => JobFamilyModel = (uri, text, version, previous) => parseModel(text, uri, version, previous)) {}

  open(doc: DocumentLike, forced: boolean): void {
    this.#open.set(doc.uri, { doc, forced, model: undefined });
  }

  change(doc: DocumentLike): void {
    const entry = this.#open.get(doc.uri);
    if (entry) entry.doc = doc;
    else this.#open.set(doc.uri, { doc, forced: false, model: undefined });
  }

  /** True when the document was open. */
  close(uri: string): boolean {
    return this.#open.delete(uri);
  }

  get(uri: string): DocumentLike | undefined {
    return this.#open.get(uri)?.doc;
  }

  text(uri: string): string | undefined {
    return this.#open.get(uri)?.doc.getText();
  }

  forced(uri: string): boolean {
    return this.#open.get(uri)?.forced === true;
  }

  uris(): string[] {
    return [...this.#open.keys()];
  }

  model(uri: string): JobFamilyModel | undefined {
    const entry = this.#open.get(uri);
    if (!entry) return undefined;
    const version = entry.doc.version;
    if (entry.model && entry.model.version === version) return entry.model.model;
    const text = entry.doc.getText();
    let model: JobFamilyModel;
    try {
      model = this.parse(uri, text, version, entry.model?.model);
    } catch (e) {
      model = failedModel(uri, version, text, e);
    }
    entry.model = { version, model };
    return model;
  }
}
