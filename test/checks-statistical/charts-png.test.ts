import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { barChart, benfordChart, benfordShare, CHART_COLORS, crc32, PNG_SIGNATURE } from '../../src/checks/statistical/index.js';

interface DecodedPng {
  width: number;
  height: number;
  pixel(x: number, y: number): [number, number, number, number];
}

/** Decodes an 8-bit RGBA, non-interlaced PNG: checks the signature and every chunk CRC, inflates IDAT, undoes filter 0. */
function decodePng(bytes: Buffer): DecodedPng {
  expect(bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  let pos = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  const types: string[] = [];
  while (pos < bytes.length) {
    const len = bytes.readUInt32BE(pos);
    const type = bytes.subarray(pos + 4, pos + 8).toString('ascii');
    const body = bytes.subarray(pos + 8, pos + 8 + len);
    expect(bytes.readUInt32BE(pos + 8 + len), `CRC of ${type}`).toBe(crc32(bytes.subarray(pos + 4, pos + 8 + len)));
    types.push(type);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      expect([...body.subarray(8, 13)]).toEqual([8, 6, 0, 0, 0]);
    }
    if (type === 'IDAT') idat.push(body);
    pos += 12 + len;
  }
  expect(types[0]).toBe('IHDR');
  expect(types.at(-1)).toBe('IEND');
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4 + 1;
  expect(raw.length).toBe(stride * height);
  for (let y = 0; y < height; y++) expect(raw[y * stride]).toBe(0);
  return {
    width,
    height,
    pixel: (x, y) => {
      const i = y * stride + 1 + x * 4;
      return [raw[i] ?? -1, raw[i + 1] ?? -1, raw[i + 2] ?? -1, raw[i + 3] ?? -1];
    },
  };
}

describe('charts', () => {
  it('draws a commune against its peers as SVG and as a decodable PNG with the bars in place', () => {
    const chart = barChart({
      title: 'Lao động tự do: số đối tượng trên 1.000 dân',
      bars: [{ label: 'Xã Kim Song Trường', value: 9, highlight: true }, { label: 'Xã Thiên Lộc', value: 3 }, { label: 'Thị trấn Nghèn', value: 2.8 }],
      reference: { value: 3, label: 'trung vị 3' },
    });
    expect(chart.svg).toContain('<title>Xã Kim Song Trường: 9</title>');
    expect(chart.svg).toContain('stroke-dasharray');
    const png = decodePng(Buffer.from(chart.pngBase64, 'base64'));
    expect([png.width, png.height]).toEqual([chart.width, chart.height]);
    // Plot area: x 34..352 (3 slots of 106 px), y 22..150. The subject's bar is tall and red, the others short and grey.
    expect(png.pixel(34 + 53, 150 - 20)).toEqual([...CHART_COLORS.subject]);
    expect(png.pixel(34 + 53, 40)).toEqual([...CHART_COLORS.subject]);
    expect(png.pixel(34 + 106 + 53, 150 - 20)).toEqual([...CHART_COLORS.peer]);
    expect(png.pixel(34 + 106 + 53, 60)).toEqual([...CHART_COLORS.background]);
    expect(png.pixel(0, 179)).toEqual([...CHART_COLORS.background]);
  });

  it('draws Benford expected shares over observed bars', () => {
    const digits = [1, 2, 3, 4, 5, 6, 7, 8, 9];
    const chart = benfordChart({ title: 'Xã A: chữ số đầu', digits, observed: digits.map(() => 1 / 9), expected: digits.map(benfordShare) });
    expect(chart.svg.match(/<rect [^>]*fill-opacity/g)).toHaveLength(9);
    expect(chart.svg).toContain('theo luật Benford');
    const png = decodePng(Buffer.from(chart.pngBase64, 'base64'));
    // Digit 9's slot (the last): observed 11,1% is above expected 4,6%: a red bar just above the axis.
    const slot = (360 - 34 - 8) / 9;
    expect(png.pixel(Math.round(34 + 8.5 * slot), 145)).toEqual([...CHART_COLORS.subject]);
    expect(chart.svg.length + chart.pngBase64.length).toBeLessThan(20_000);
  });
});
