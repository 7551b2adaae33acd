import { describe, expect, it } from 'vitest';
import { contentHash, contentIds, quickHash, dropReuploads, SUPERSEDE_SHARE, supersededUploads, uploadSegments, type UploadSegments } from '../../src/checks/reuploads.js';
import { person } from './factories.js';

const payout = (fullName: string, file: string, row: number, amount = 1_500_000) => person({ role: 'payouts', fullName, file, row, amount });

describe('contentIds', () => {
  const rows = [payout('An', 'a.xlsx', 5), payout('Bình', 'a.xlsx', 6), payout('An', 'b.xlsx', 9), payout('An', 'b.xlsx', 10, 1_000_000)];

  it('numbers rows by content, wherever they sit', () => {
    expect(Array.from(contentIds(rows))).toEqual([0, 1, 0, 2]);
  });

  it('stays exact when every hash collides', () => {
    expect(Array.from(contentIds(rows, () => 42, () => 7))).toEqual([0, 1, 0, 2]);
  });

  it('stays exact when some hashes collide', () => {
    const many = [...rows, payout('Bình', 'c.xlsx', 2), payout('Chi', 'c.xlsx', 3), payout('An', 'c.xlsx', 4, 1_000_000)];
    expect(Array.from(contentIds(many, (r) => (r.fullName ?? '').length, () => 7))).toEqual([0, 1, 0, 2, 1, 3, 2]);
  });

  it('numbers rows alone with their quick hash without the full hash, in the same order', () => {
    const many = [...rows, payout('Bình', 'c.xlsx', 2), payout('Chi', 'c.xlsx', 3), payout('An', 'c.xlsx', 4, 1_000_000)];
    const hashed: string[] = [];
    const ids = contentIds(many, (r) => {
      hashed.push(`${r.fullName}@${r.file}:${r.row}`);
      return contentHash(r);
    });
    expect(Array.from(ids)).toEqual([0, 1, 0, 2, 1, 3, 2]);
    // 'Chi' is alone with its name: no copy possible, so it is never hashed in full.
    expect(hashed).not.toContain('Chi@c.xlsx:3');
    expect(hashed).toContain('An@b.xlsx:9');
  });

  it('gives rows with the same content the same quick hash, and rows apart in name, ID, birth or amount another', () => {
    const a = quickHash(payout('Nguyễn Văn An', 'a.xlsx', 5));
    expect(Number.isSafeInteger(a) && a >= 0).toBe(true);
    expect(quickHash(payout('Nguyễn Văn An', 'b.xlsx', 7))).toBe(a);
    expect(quickHash({ ...payout('Nguyễn Văn An', 'a.xlsx', 5), amount: -0 })).toBe(quickHash({ ...payout('Nguyễn Văn An', 'a.xlsx', 5), amount: 0 }));
    expect(quickHash(payout('Nguyễn Văn Ân', 'a.xlsx', 5))).not.toBe(a);
    expect(quickHash(payout('Nguyễn Văn An', 'a.xlsx', 5, 1_500_001))).not.toBe(a);
    expect(quickHash({ ...payout('Nguyễn Văn An', 'a.xlsx', 5), idNumber: '042075001234' })).not.toBe(a);
    expect(quickHash({ ...payout('Nguyễn Văn An', 'a.xlsx', 5), birthYear: 1976 })).not.toBe(a);
  });

  it('hashes into 53 bits, the same for equal rows and apart for rows one value apart', () => {
    const a = contentHash(payout('Nguyễn Văn An', 'a.xlsx', 5));
    expect(Number.isSafeInteger(a) && a >= 0).toBe(true);
    expect(contentHash(payout('Nguyễn Văn An', 'b.xlsx', 7))).toBe(a);
    expect(contentHash(payout('Nguyễn Văn Ân', 'a.xlsx', 5))).not.toBe(a);
    expect(contentHash(payout('Nguyễn Văn An', 'a.xlsx', 5, 1_500_001))).not.toBe(a);
    expect(contentHash({ ...payout('Nguyễn Văn An', 'a.xlsx', 5), flags: ['ID_INVALID'] })).not.toBe(a);
  });
});

describe('uploadSegments', () => {
  it('starts a new upload of a file when one of its positions comes again', () => {
    const rows = [payout('An', 'a.xlsx', 5), payout('Bình', 'a.xlsx', 6), payout('Chi', 'b.xlsx', 5), payout('An', 'a.xlsx', 5)];
    const s = uploadSegments(rows);
    expect(Array.from(s.of).map((u) => s.names[u])).toEqual(['a.xlsx#1', 'a.xlsx#1', 'b.xlsx#1', 'a.xlsx#2']);
  });

  it('tells uploads apart as a set of every position seen does, in order or not', () => {
    // The plain definition: a file's upload ends when a (sheet, row) of it comes again.
    const reference = (rows: readonly { file: string; sheet: string; row: number }[]): string[] => {
      const files = new Map<string, { n: number; seen: Set<string> }>();
      return rows.map((r) => {
        const state = files.get(r.file) ?? { n: 1, seen: new Set<string>() };
        files.set(r.file, state);
        const at = `${r.sheet}|${r.row}`;
        if (state.seen.has(at)) (state.n += 1), (state.seen = new Set());
        state.seen.add(at);
        return `${r.file}#${state.n}`;
      });
    };
    let seed = 11;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let round = 0; round < 40; round++) {
      const rows = [];
      // Uploads of two files, sheet by sheet, rows mostly in order; some rounds shuffle rows or repeat one.
      const shuffled = random(3) === 0;
      for (let u = 0; u < 2 + random(4); u++) {
        const file = `tep-${random(2)}.xlsx`;
        for (const sheet of ['Thôn 1', 'Thôn 2', 'Thôn 3'].slice(0, 1 + random(3))) {
          let row = 1 + random(5);
          for (let k = random(8); k > 0; k--) {
            rows.push(payout('An', file, row, 1_500_000));
            rows[rows.length - 1] = { ...rows[rows.length - 1]!, sheet };
            row += shuffled ? random(5) - 2 : 1 + random(3);
          }
        }
      }
      const s = uploadSegments(rows);
      expect(Array.from(s.of).map((u) => s.names[u])).toEqual(reference(rows));
    }
  });
});

describe('dropReuploads', () => {
  it('keeps the n-th copy of a row only when no earlier upload had n copies, even with uploads interleaved', () => {
    const rows = [
      payout('An', 'a.xlsx', 5),
      payout('An', 'a.xlsx', 6), // listed twice in a.xlsx: both kept
      payout('Dũng', 'a.xlsx', 7), // a.xlsx is mostly other people: b.xlsx does not replace it
      payout('Em', 'a.xlsx', 8),
      payout('Giang', 'a.xlsx', 9),
      payout('An', 'b.xlsx', 7),
      payout('Bình', 'c.xlsx', 2),
      payout('An', 'b.xlsx', 8),
      payout('An', 'b.xlsx', 9), // the third copy in b.xlsx is one more than a.xlsx had
      payout('Chi', 'b.xlsx', 10),
    ];
    const { kept, superseded } = dropReuploads(rows);
    expect(superseded).toEqual([]);
    expect(kept.map((r) => `${r.file}:${r.row}`)).toEqual(['a.xlsx:5', 'a.xlsx:6', 'a.xlsx:7', 'a.xlsx:8', 'a.xlsx:9', 'c.xlsx:2', 'b.xlsx:9', 'b.xlsx:10']);
  });

  it('returns the rows themselves, not a copy, when it drops none', () => {
    const rows = [payout('An', 'a.xlsx', 5), payout('Bình', 'a.xlsx', 6), payout('Dũng', 'b.xlsx', 2), payout('Chi', 'b.xlsx', 3)];
    const { kept, superseded } = dropReuploads(rows);
    expect(superseded).toEqual([]);
    expect(kept).toBe(rows);
  });

  it('drops an upload that a later one mostly repeats, with its corrected rows', () => {
    const names = ['Một', 'Hai', 'Ba', 'Bốn', 'Năm']; // four of five (80 %) come again unchanged
    const first = names.map((n, k) => payout(n, 'lan-1.xlsx', 5 + k, k === 0 ? 2_000_000 : 1_500_000));
    const second = names.map((n, k) => payout(n, 'lan-2.xlsx', 5 + k));
    const { kept, superseded } = dropReuploads([...first, ...second]);
    expect(superseded).toEqual([{ file: 'lan-1.xlsx#1', by: 'lan-2.xlsx#1' }]);
    expect(kept).toEqual(second);
  });

  it('finds the same replaced uploads as comparing every upload with every later one', () => {
    // The plain definition: an upload is replaced by the first later upload that repeats enough of its rows.
    const reference = (segments: UploadSegments, ids: Int32Array): { file: string; by: string }[] => {
      const bags = segments.names.map(() => new Map<number, number>());
      ids.forEach((id, i) => bags[segments.of[i] ?? 0]?.set(id, (bags[segments.of[i] ?? 0]?.get(id) ?? 0) + 1));
      const out: { file: string; by: string }[] = [];
      const fileOf = (name: string): string => name.slice(0, name.lastIndexOf('#'));
      segments.names.forEach((upload, u) => {
        const size = [...(bags[u]?.values() ?? [])].reduce((a, b) => a + b, 0);
        for (let v = u + 1; v < bags.length && size > 0; v++) {
          let shared = 0;
          for (const [id, n] of bags[u] ?? []) shared += Math.min(n, bags[v]?.get(id) ?? 0);
          const share = fileOf(segments.names[v] ?? '') === fileOf(upload) ? SUPERSEDE_SHARE.sameName : SUPERSEDE_SHARE.otherName;
          if (shared / size >= share) {
            out.push({ file: upload, by: segments.names[v] ?? '' });
            return;
          }
        }
      });
      return out;
    };
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let round = 0; round < 20; round++) {
      // Uploads of a few files, each a mix of rows of earlier uploads (repeated, sometimes twice) and new rows.
      const uploads = 3 + random(10);
      const names: string[] = [];
      const of: number[] = [];
      const ids: number[] = [];
      let next = 0;
      for (let u = 0; u < uploads; u++) {
        names.push(`tep-${random(4)}.xlsx#${u + 1}`);
        const rows = random(12);
        const repeat = random(3) === 0 ? 0.95 : random(10) / 10;
        for (let r = 0; r < rows; r++) {
          of.push(u);
          const earlier = ids.filter((_, i) => (of[i] ?? 0) < u);
          ids.push(earlier.length > 0 && random(100) < repeat * 100 ? (earlier[random(earlier.length)] ?? 0) : next++);
          if (random(8) === 0) (of.push(u), ids.push(ids.at(-1) ?? 0));
        }
      }
      const segments = { of: Int32Array.from(of), names };
      const found = supersededUploads(segments, Int32Array.from(ids));
      expect(found).toEqual(reference(segments, Int32Array.from(ids)));
    }
  });
});
