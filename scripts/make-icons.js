#!/usr/bin/env node
/**
 * Draws the add-in's icons into assets/: three bars on a baseline, the middle one
 * reaching the horizontal "100" line (network average = 100).
 *
 * Only Node's built-in zlib is used, so the icons can be rebuilt anywhere:
 *   node scripts/make-icons.js
 *
 * Edges are snapped to whole pixels at every size so the small ribbon icons stay
 * crisp; only the rounded background of the filled logo is anti-aliased.
 */
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const zlib = require("node:zlib");

const ASSETS = path.resolve(__dirname, "..", "assets");

const COLOURS = {
  below: [0x3a, 0xaf, 0xa9, 255], // teal: below the average
  equal: [0x1f, 0x6f, 0xb5, 255], // blue: at the average
  above: [0x6c, 0xb4, 0xe4, 255], // light blue: above the average
  line: [0x12, 0x2f, 0x52, 255], // navy: the 100 line and its label
  paper: [0xff, 0xff, 0xff, 255],
  edge: [0xcf, 0xe0, 0xee, 255],
};

// ---------- PNG encoding ----------

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Encodes an RGBA image (8 bits per channel, no interlace) as PNG. */
function encodePng(image) {
  const { width, height, pixels } = image;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  header[10] = 0; // compression
  header[11] = 0; // filter method
  header[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter type None per row
    pixels.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

// ---------- drawing ----------

function createImage(width, height) {
  return { width, height, pixels: Buffer.alloc(width * height * 4) };
}

/** Paints `colour` over pixel (x, y) with coverage 0..1 (source-over blending). */
function blend(image, x, y, colour, coverage = 1) {
  if (x < 0 || y < 0 || x >= image.width || y >= image.height || coverage <= 0) return;
  const i = (y * image.width + x) * 4;
  const p = image.pixels;
  const srcA = (colour[3] / 255) * Math.min(1, coverage);
  const dstA = p[i + 3] / 255;
  const outA = srcA + dstA * (1 - srcA);
  for (let c = 0; c < 3; c++) {
    const mixed = (colour[c] * srcA + p[i + c] * dstA * (1 - srcA)) / (outA || 1);
    p[i + c] = Math.round(mixed);
  }
  p[i + 3] = Math.round(outA * 255);
}

/** Fills the pixel rectangle [x0, x1) × [y0, y1). */
function fillRect(image, x0, y0, x1, y1, colour) {
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) blend(image, x, y, colour);
}

/** Fills a rounded rectangle with anti-aliased corners (4×4 supersampling). */
function fillRoundedRect(image, x0, y0, x1, y1, radius, colour) {
  const inside = (px, py) => {
    const cx = Math.min(Math.max(px, x0 + radius), x1 - radius);
    const cy = Math.min(Math.max(py, y0 + radius), y1 - radius);
    return (px - cx) ** 2 + (py - cy) ** 2 <= radius ** 2;
  };
  const n = 4;
  for (let y = Math.floor(y0); y < Math.ceil(y1); y++) {
    for (let x = Math.floor(x0); x < Math.ceil(x1); x++) {
      let hits = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) if (inside(x + (sx + 0.5) / n, y + (sy + 0.5) / n)) hits++;
      }
      blend(image, x, y, colour, hits / (n * n));
    }
  }
}

// 3×5 pixel digits for the "100" label on the larger images.
const DIGITS = {
  1: ["010", "110", "010", "010", "111"],
  0: ["111", "101", "101", "101", "111"],
};

function drawText(image, text, left, top, scale, colour) {
  let x = left;
  for (const ch of text) {
    DIGITS[ch].forEach((row, ry) => {
      [...row].forEach((bit, rx) => {
        if (bit === "1") {
          fillRect(image, x + rx * scale, top + ry * scale, x + (rx + 1) * scale, top + (ry + 1) * scale, colour);
        }
      });
    });
    x += 4 * scale;
  }
}

/**
 * Draws the bar-chart glyph into the square [ox, ox+size) × [oy, oy+size) of `image`.
 * Every coordinate is rounded to a whole pixel.
 */
function drawGlyph(image, ox, oy, size) {
  const margin = Math.max(1, Math.round(size * 0.08));
  const gap = Math.max(1, Math.round(size * 0.07));
  const barWidth = Math.floor((size - 2 * margin - 2 * gap) / 3);
  const left = ox + Math.floor((size - (3 * barWidth + 2 * gap)) / 2);
  const baseline = oy + size - margin;
  const thickness = Math.max(1, Math.round(size * 0.055));
  const lineTop = oy + Math.round(size * 0.34);
  const tops = [oy + Math.round(size * 0.6), lineTop + thickness, oy + Math.round(size * 0.12)];
  const colours = [COLOURS.below, COLOURS.equal, COLOURS.above];

  tops.forEach((top, i) => {
    const x0 = left + i * (barWidth + gap);
    fillRect(image, x0, top, x0 + barWidth, baseline, colours[i]);
  });

  // The "100" line, drawn over the bars and a little wider than them.
  const overhang = Math.max(0, Math.round(size * 0.03));
  fillRect(image, left - overhang, lineTop, left + 3 * barWidth + 2 * gap + overhang, lineTop + thickness, COLOURS.line);

  // Label the line above the first (shorter) bar where there is room for it.
  const scale = Math.floor(size / 40);
  if (scale >= 2) {
    const labelHeight = 5 * scale;
    drawText(image, "100", left, lineTop - Math.max(2, scale) - labelHeight, scale, COLOURS.line);
  }
}

function icon(size) {
  const image = createImage(size, size);
  drawGlyph(image, 0, 0, size);
  return image;
}

function filledLogo(size) {
  const image = createImage(size, size);
  const radius = size * 0.16;
  const border = Math.max(1, Math.round(size / 150));
  fillRoundedRect(image, 0, 0, size, size, radius, COLOURS.edge);
  fillRoundedRect(image, border, border, size - border, size - border, radius - border, COLOURS.paper);
  const inset = Math.round(size * 0.14);
  drawGlyph(image, inset, inset, size - 2 * inset);
  return image;
}

const OUTPUTS = [
  ["icon-16.png", icon(16)],
  ["icon-32.png", icon(32)],
  ["icon-64.png", icon(64)],
  ["icon-80.png", icon(80)],
  ["icon-128.png", icon(128)],
  ["logo-filled.png", filledLogo(300)],
];

function main() {
  fs.mkdirSync(ASSETS, { recursive: true });
  for (const [name, image] of OUTPUTS) {
    const file = path.join(ASSETS, name);
    fs.writeFileSync(file, encodePng(image));
    console.log(`${path.relative(process.cwd(), file)}  ${image.width}×${image.height}`);
  }
}

if (require.main === module) main();

module.exports = { encodePng, crc32 };
