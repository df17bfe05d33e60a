import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

const BOM = '\uFEFF';

export interface PageText {
  /** The text the rules see: decoded, without a byte-order mark. */
  readonly text: string;
  readonly bom: boolean;
  /** Set when the bytes are not UTF-8: the text was decoded with replacement characters and must never be written back. */
  readonly invalidUtf8?: { readonly offset: number };
}

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/** Decodes a page's bytes; a BOM is taken off here and put back by `encodePage`. */
export function decodePage(bytes: Uint8Array): PageText {
  let text: string;
  let invalidUtf8: { offset: number } | undefined;
  try {
    text = strict.decode(bytes);
  } catch {
    text = lenient.decode(bytes);
    invalidUtf8 = { offset: firstInvalidByte(bytes) };
  }
  const bom = text.startsWith(BOM);
  if (bom) text = text.slice(1);
  return invalidUtf8 ? { text, bom, invalidUtf8 } : { text, bom };
}

export function encodePage(page: Pick<PageText, 'bom'>, text: string): Buffer {
  return Buffer.from(page.bom ? BOM + text : text, 'utf8');
}

/** Offset of the first byte that breaks UTF-8 (for the message; the decoder does not say). */
function firstInvalidByte(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x80) continue;
    const n = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
    if (!n || i + n >= bytes.length) return i;
    for (let k = 1; k <= n; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += n;
  }
  return bytes.length;
}

/**
 * Replaces a file's content atomically: the new bytes go to a temporary file in the same
 * folder (same file system, so the rename is atomic), with the file's mode, then are
 * renamed over it. A reader sees the old file or the new one, never half of one.
 */
export async function writeAtomically(file: string, bytes: Uint8Array): Promise<void> {
  const stat = await fs.stat(file);
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const handle = await fs.open(tmp, 'wx', stat.mode & 0o7777);
  try {
    try {
      await handle.writeFile(bytes);
      // The umask may have narrowed the mode given to open.
      await handle.chmod(stat.mode & 0o7777);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(tmp, file);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
}
