/**
 * A raw DEFLATE (RFC 1951) decoder, small and synchronous: the Web Worker bundle carries large
 * word tables (Hugo's emoji names) compressed, and unpack them once, when the module loads, with no
 * platform API (the service runs in Node, a Web Worker and tests alike). scripts/packed-data.mjs
 * packs them at build time.
 */

/** A table of Huffman codes in canonical order: how many codes of each length, and the symbols by code. */
interface Huffman {
  readonly counts: Uint16Array;
  readonly symbols: Uint16Array;
}

function huffman(lengths: ArrayLike<number>): Huffman {
  const counts = new Uint16Array(16);
  for (let i = 0; i < lengths.length; i++) counts[lengths[i]!]!++;
  counts[0] = 0;
  const offsets = new Uint16Array(16);
  for (let len = 1; len < 16; len++) offsets[len] = offsets[len - 1]! + counts[len - 1]!;
  const symbols = new Uint16Array(lengths.length);
  for (let i = 0; i < lengths.length; i++) if (lengths[i]) symbols[offsets[lengths[i]!]!++] = i;
  return { counts, symbols };
}

/**
 * Base values and extra bits of the length (257–285) and distance (0–29) codes: the first
 * `plain` codes have no extra bits, then each group of `group` codes one bit more.
 */
function baseTable(size: number, first: number, plain: number, group: number): { base: Uint16Array; extra: Uint8Array } {
  const base = new Uint16Array(size);
  const extra = new Uint8Array(size);
  let value = first;
  for (let i = 0; i < size; i++) {
    extra[i] = i < plain ? 0 : Math.floor((i - plain) / group) + 1;
    base[i] = value;
    value += 1 << extra[i]!;
  }
  return { base, extra };
}

const LENGTHS = baseTable(29, 3, 8, 4);
// The longest match has a code of its own.
LENGTHS.base[28] = 258;
LENGTHS.extra[28] = 0;
const DISTANCES = baseTable(30, 1, 4, 2);
const CODE_LENGTH_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

let fixed: { literals: Huffman; distances: Huffman } | undefined;
function fixedCodes(): { literals: Huffman; distances: Huffman } {
  if (!fixed) {
    const lengths = new Uint8Array(288);
    lengths.fill(8, 0, 144).fill(9, 144, 256).fill(7, 256, 280).fill(8, 280, 288);
    fixed = { literals: huffman(lengths), distances: huffman(new Uint8Array(30).fill(5)) };
  }
  return fixed;
}

export function inflateRaw(input: Uint8Array): Uint8Array {
  let out = new Uint8Array(Math.max(1024, input.length * 4));
  let written = 0;
  let pos = 0;
  let bitBuffer = 0;
  let bitCount = 0;

  const fail = (why: string): never => {
    throw new Error(`Damaged compressed data: ${why}.`);
  };
  const bits = (n: number): number => {
    while (bitCount < n) {
      if (pos >= input.length) fail('it ends early');
      bitBuffer |= input[pos++]! << bitCount;
      bitCount += 8;
    }
    const value = bitBuffer & ((1 << n) - 1);
    bitBuffer >>>= n;
    bitCount -= n;
    return value;
  };
  const decode = (h: Huffman): number => {
    let code = 0;
    let first = 0;
    let index = 0;
    for (let len = 1; len < 16; len++) {
      code |= bits(1);
      const count = h.counts[len]!;
      if (code - first < count) return h.symbols[index + code - first]!;
      index += count;
      first = (first + count) << 1;
      code <<= 1;
    }
    return fail('a code is not in its table');
  };
  const room = (n: number): void => {
    if (written + n <= out.length) return;
    const bigger = new Uint8Array(Math.max(out.length * 2, written + n));
    bigger.set(out.subarray(0, written));
    out = bigger;
  };

  let last = 0;
  while (!last) {
    last = bits(1);
    const type = bits(2);
    if (type === 0) {
      bitBuffer = 0;
      bitCount = 0;
      if (pos + 4 > input.length) fail('a stored block ends early');
      const len = input[pos]! | (input[pos + 1]! << 8);
      const nlen = input[pos + 2]! | (input[pos + 3]! << 8);
      if ((len ^ 0xffff) !== nlen) fail('a stored block has a wrong length');
      pos += 4;
      if (pos + len > input.length) fail('a stored block ends early');
      room(len);
      out.set(input.subarray(pos, pos + len), written);
      written += len;
      pos += len;
      continue;
    }
    let literals: Huffman;
    let distances: Huffman;
    if (type === 1) ({ literals, distances } = fixedCodes());
    else if (type === 2) ({ literals, distances } = dynamicCodes());
    else return fail('a block has an unknown type');
    for (;;) {
      const symbol = decode(literals);
      if (symbol < 256) {
        room(1);
        out[written++] = symbol;
      } else if (symbol === 256) break;
      else {
        const l = symbol - 257;
        if (l >= 29) fail('a length code is out of range');
        const length = LENGTHS.base[l]! + bits(LENGTHS.extra[l]!);
        const d = decode(distances);
        if (d >= 30) fail('a distance code is out of range');
        const distance = DISTANCES.base[d]! + bits(DISTANCES.extra[d]!);
        if (distance > written) fail('a distance reaches before the start');
        room(length);
        for (let i = 0; i < length; i++, written++) out[written] = out[written - distance]!;
      }
    }
  }
  return out.slice(0, written);

  function dynamicCodes(): { literals: Huffman; distances: Huffman } {
    const literalCount = bits(5) + 257;
    const distanceCount = bits(5) + 1;
    const codeLengthCount = bits(4) + 4;
    const codeLengthLengths = new Uint8Array(19);
    for (let i = 0; i < codeLengthCount; i++) codeLengthLengths[CODE_LENGTH_ORDER[i]!] = bits(3);
    const codeLengths = huffman(codeLengthLengths);
    const lengths = new Uint8Array(literalCount + distanceCount);
    for (let i = 0; i < lengths.length; ) {
      const symbol = decode(codeLengths);
      if (symbol < 16) {
        lengths[i++] = symbol;
        continue;
      }
      const [value, repeat] = symbol === 16 ? [i ? lengths[i - 1]! : fail('a repeat has nothing before it'), 3 + bits(2)] : symbol === 17 ? [0, 3 + bits(3)] : [0, 11 + bits(7)];
      if (i + repeat > lengths.length) fail('code lengths run over');
      lengths.fill(value, i, i + repeat);
      i += repeat;
    }
    return { literals: huffman(lengths.subarray(0, literalCount)), distances: huffman(lengths.subarray(literalCount)) };
  }
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function fromBase64(text: string): Uint8Array {
  const clean = text.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 6) / 8));
  let buffer = 0;
  let count = 0;
  let written = 0;
  for (let i = 0; i < clean.length; i++) {
    const value = BASE64.indexOf(clean[i]!);
    if (value < 0) throw new Error('Damaged compressed data: not base64.');
    buffer = (buffer << 6) | value;
    count += 6;
    if (count >= 8) {
      count -= 8;
      out[written++] = (buffer >> count) & 0xff;
    }
  }
  return out;
}

/** ASCII text packed by scripts/packed-data.mjs: base64 of its raw DEFLATE. */
export function unpackAscii(packed: string): string {
  const bytes = inflateRaw(fromBase64(packed));
  let text = '';
  for (let i = 0; i < bytes.length; i += 8192) text += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return text;
}
