// Draws the application icon and writes it in every format the installers need:
// icons/<size>x<size>.png (Linux), icon.png (1024, the source), icon.ico (Windows), icon.icns (macOS).
// Run: node build/make-icons.mjs (the outputs are committed; they change only when this drawing does).
import { Buffer } from 'node:buffer'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { crc32, deflateSync } from 'node:zlib'

const here = dirname(fileURLToPath(import.meta.url))

// The drawing, in a 1×1 square: a dark rounded tile holding a green network card with gold edge contacts and a port.
function colourAt(x, y) {
  const r = 0.18
  const cx = Math.min(Math.max(x, r), 1 - r)
  const cy = Math.min(Math.max(y, r), 1 - r)
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return [0, 0, 0, 0]
  if (x > 0.16 && x < 0.84 && y > 0.26 && y < 0.66) {
    if (x > 0.62 && x < 0.8 && y > 0.34 && y < 0.5) return [0xc0, 0xc0, 0xc0, 255]
    if (x > 0.24 && x < 0.5 && y > 0.34 && y < 0.56) return [0x1e, 0x1e, 0x1e, 255]
    return [0x2e, 0x9e, 0x5b, 255]
  }
  if (y >= 0.66 && y < 0.76 && x > 0.22 && x < 0.78 && Math.floor(x * 40) % 2 === 0) return [0xe0, 0xb0, 0x40, 255]
  return [0x1e, 0x1e, 0x1e, 255]
}

function pixels(size) {
  const samples = 4
  const data = Buffer.alloc(size * (size * 4 + 1))
  for (let py = 0; py < size; py++) {
    const row = py * (size * 4 + 1)
    data[row] = 0
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0]
      for (let sy = 0; sy < samples; sy++)
        for (let sx = 0; sx < samples; sx++) {
          const c = colourAt((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size)
          for (let i = 0; i < 3; i++) sum[i] += c[i] * c[3]
          sum[3] += c[3]
        }
      const at = row + 1 + px * 4
      const alpha = sum[3] / (samples * samples)
      for (let i = 0; i < 3; i++) data[at + i] = sum[3] === 0 ? 0 : Math.round(sum[i] / sum[3])
      data[at + 3] = Math.round(alpha)
    }
  }
  return data
}

function chunk(type, body) {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(body.length)
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), body])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(typed))
  return Buffer.concat([length, typed, crc])
}

export function png(size) {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header[8] = 8 // bit depth
  header[9] = 6 // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels(size), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

// ICO with PNG entries (Windows Vista and later); 256 is written as 0 in the directory.
function ico(images) {
  const header = Buffer.alloc(6)
  header.writeUInt16LE(1, 2)
  header.writeUInt16LE(images.length, 4)
  let offset = 6 + 16 * images.length
  const entries = images.map(({ size, data }) => {
    const entry = Buffer.alloc(16)
    entry[0] = size >= 256 ? 0 : size
    entry[1] = size >= 256 ? 0 : size
    entry.writeUInt16LE(1, 4)
    entry.writeUInt16LE(32, 6)
    entry.writeUInt32LE(data.length, 8)
    entry.writeUInt32LE(offset, 12)
    offset += data.length
    return entry
  })
  return Buffer.concat([header, ...entries, ...images.map((image) => image.data)])
}

// ICNS with PNG-compressed entries: ic07 128, ic08 256, ic09 512, ic10 1024 (512@2x).
function icns(images) {
  const body = images.map(({ type, data }) => {
    const head = Buffer.alloc(8)
    head.write(type, 0, 'ascii')
    head.writeUInt32BE(data.length + 8, 4)
    return Buffer.concat([head, data])
  })
  const head = Buffer.alloc(8)
  head.write('icns', 0, 'ascii')
  head.writeUInt32BE(8 + body.reduce((sum, part) => sum + part.length, 0), 4)
  return Buffer.concat([head, ...body])
}

const sizes = [16, 32, 48, 64, 128, 256, 512, 1024]
const images = new Map(sizes.map((size) => [size, png(size)]))
mkdirSync(join(here, 'icons'), { recursive: true })
for (const size of sizes.filter((s) => s <= 512))
  writeFileSync(join(here, 'icons', `${size}x${size}.png`), images.get(size))
writeFileSync(join(here, 'icon.png'), images.get(1024))
writeFileSync(join(here, 'icon.ico'), ico([16, 32, 48, 256].map((size) => ({ size, data: images.get(size) }))))
writeFileSync(
  join(here, 'icon.icns'),
  icns([
    { type: 'ic07', data: images.get(128) },
    { type: 'ic08', data: images.get(256) },
    { type: 'ic09', data: images.get(512) },
    { type: 'ic10', data: images.get(1024) },
  ]),
)
