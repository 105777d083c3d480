// Bytes → text: UTF-8 (with or without BOM), UTF-16 LE/BE (BOM, or the NUL pattern of
// ASCII-heavy UTF-16 without one), and Windows-1252 when the bytes are not UTF-8 (a few bad
// bytes among many good UTF-8 sequences, as in a truncated file, still decode as UTF-8).

export type Encoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

export interface DecodedText {
  text: string;
  encoding: Encoding;
}

/** Code points of Windows-1252 bytes 0x80–0x9F (the rest map to themselves; undefined → U+FFFD). */
const CP1252_HIGH = [
  0x20ac, 0xfffd, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039,
  0x0152, 0xfffd, 0x017d, 0xfffd, 0xfffd, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
  0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0xfffd, 0x017e, 0x0178,
];

/**
 * Windows-1252 by table: some runtimes' TextDecoder("windows-1252") decodes as ISO-8859-1,
 * which turns curly quotes and dashes into C1 control characters.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let start = 0; start < bytes.length; start += 8192) {
    const chunk = bytes.subarray(start, start + 8192);
    const codes = Array.from(chunk, (b) =>
      b >= 0x80 && b <= 0x9f ? (CP1252_HIGH[b - 0x80] as number) : b,
    );
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join("");
}

/** Guess UTF-16 without a BOM: in the first 4 KiB, most odd (LE) or even (BE) bytes are NUL. */
function sniffUtf16(bytes: Uint8Array): Encoding | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 8) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.6 && evenNul < pairs * 0.1) return "utf-16le";
  if (evenNul > pairs * 0.6 && oddNul < pairs * 0.1) return "utf-16be";
  return null;
}

/** Count well-formed UTF-8 multi-byte sequences and bytes that fit no sequence. */
export function utf8Stats(bytes: Uint8Array): { multibyte: number; invalid: number } {
  let multibyte = 0;
  let invalid = 0;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    const len =
      b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = len > 0 && i + len <= bytes.length;
    for (let k = 1; ok && k < len; k++) {
      const c = bytes[i + k] as number;
      ok = c >= 0x80 && c <= 0xbf;
    }
    if (ok) {
      multibyte++;
      i += len;
    } else {
      invalid++;
      i++;
    }
  }
  return { multibyte, invalid };
}

/**
 * Decode a file's bytes. The BOM, if any, is removed from the text. `file` is unused except to
 * keep the signature parallel to `parseText` (decoding never fails: Windows-1252 maps every byte).
 */
export function decodeBytes(bytes: Uint8Array, _file = ""): DecodedText {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8" };
  if (b0 === 0xff && b1 === 0xfe)
    return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  if (b0 === 0xfe && b1 === 0xff)
    return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be" };
  const utf16 = sniffUtf16(bytes);
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16 };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    // Mostly UTF-8 with a few bad bytes (a truncated file, a pasted Latin-1 name): keep UTF-8 and
    // let the bad bytes become U+FFFD; otherwise the file is in the legacy Windows code page.
    const { multibyte, invalid } = utf8Stats(bytes);
    if (multibyte > invalid)
      return { text: new TextDecoder("utf-8").decode(bytes), encoding: "utf-8" };
    return { text: decodeWindows1252(bytes), encoding: "windows-1252" };
  }
}
