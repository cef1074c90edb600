// TextEncoder/TextDecoder are host APIs outside core's ES2022 library, so capture comments are coded here.

export function utf8Length(s: string): number {
  let n = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c < 0x80) n += 1
    else if (c < 0x800) n += 2
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4
      i++
    } else n += 3
  }
  return n
}

/** Writes `s` as UTF-8 at `at` (lone surrogates become U+FFFD); returns the end offset. */
export function utf8Write(s: string, out: Uint8Array, at: number): number {
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i)
    if (c >= 0xd800 && c < 0xe000) {
      const d = i + 1 < s.length ? s.charCodeAt(i + 1) : 0
      if (c < 0xdc00 && (d & 0xfc00) === 0xdc00) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00)
        i++
      } else c = 0xfffd
    }
    if (c < 0x80) out[at++] = c
    else if (c < 0x800) {
      out[at++] = 0xc0 | (c >> 6)
      out[at++] = 0x80 | (c & 0x3f)
    } else if (c < 0x10000) {
      out[at++] = 0xe0 | (c >> 12)
      out[at++] = 0x80 | ((c >> 6) & 0x3f)
      out[at++] = 0x80 | (c & 0x3f)
    } else {
      out[at++] = 0xf0 | (c >> 18)
      out[at++] = 0x80 | ((c >> 12) & 0x3f)
      out[at++] = 0x80 | ((c >> 6) & 0x3f)
      out[at++] = 0x80 | (c & 0x3f)
    }
  }
  return at
}

/** Decodes UTF-8; malformed sequences become U+FFFD. */
export function utf8Read(b: Uint8Array, start: number, end: number): string {
  let s = ''
  let i = start
  while (i < end) {
    const c = b[i]
    let cp = 0xfffd
    let need = 0
    if (c < 0x80) cp = c
    else if (c >= 0xc2 && c < 0xe0) {
      cp = c & 0x1f
      need = 1
    } else if (c >= 0xe0 && c < 0xf0) {
      cp = c & 0x0f
      need = 2
    } else if (c >= 0xf0 && c < 0xf5) {
      cp = c & 0x07
      need = 3
    }
    i++
    let ok = true
    for (let k = 0; k < need; k++) {
      if (i >= end || (b[i] & 0xc0) !== 0x80) {
        ok = false
        break
      }
      cp = (cp << 6) | (b[i++] & 0x3f)
    }
    if (!ok || cp > 0x10ffff || (cp >= 0xd800 && cp < 0xe000)) cp = 0xfffd
    s += String.fromCodePoint(cp)
  }
  return s
}
