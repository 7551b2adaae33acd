import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FEBRL_MATCH_CONFIG, linkFebrl, readFebrl } from '../bench/febrl.js';
import { DEFAULT_MATCH_CONFIG, link } from '../../src/match/index.js';

const HEADER = 'rec_id, given_name, surname, street_number, address_1, address_2, suburb, postcode, state, date_of_birth, soc_sec_id';
const A = [
  'rec-0-org, rachael, dent, 1, knox street, lakewood estate, byford, 4129, vic, 19280722, 1683994',
  'rec-1-org, isabella, everett, 25, pike place, rowethorpe, marsden, 2152, nsw, 19110816, 6653129',
  'rec-2-org, jayde, crouch, 42, weston street, waimaru, niagara park, 2119, wa, 19250406, 8892697',
  'rec-3-org, luke, gazzola, 10, newman morris circuit, ruffenuff, lakemba, 3046, nsw, 19420929, 2904508',
  'rec-4-org, olivia, trigwell, 13, waldock street, wilpena, new lambton heights, 3194, vic, 19571126, 9991752',
  'rec-5-org, josephine, yu, 145, hensman street, lambar, burwood, 6164, wa, 19110903, 5792336',
  'rec-6-org, rachael, morgan, 7, oak avenue, , byford, 4129, vic, 19600101, 3319442',
];
const B = [
  'rec-0-dup-0, rachael, dent, 4, knox street, lakewood estate, byford, 4129, vic, 19280722, 1683994',
  'rec-1-dup-0, isabella, everett, 25, pike mlace, rowethorpe, marsden, 2152, nsw, 19110816, 6653192',
  'rec-2-dup-0, ja yde, crouch, 42, westo atreet, waimaru, niagara park, 2119, wa, 19250406, 8892697',
  'rec-3-dup-0, gazzola, luke, 10, newman morr is circuit, ruffenuff, lakemba, 3046, nsw, 19420929, 2904508',
  'rec-4-dup-0, olivia, trigwell, 13, waldock street, wilpena, newlambto nheights, 3194, vic, 19571126, 9991752',
  'rec-5-dup-0, josephine, yu, 145, hensman street, lambar, burwood, 6164, wa, 19310920, 5792336',
  'rec-7-dup-0, rachael, dent, 9, high street, , perth, 6000, wa, 19750505, 1683994',
];

const dir = mkdtempSync(join(tmpdir(), 'febrl-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(join(dir, 'dataset4a.csv'), [HEADER, ...A].join('\n')); // no final newline, as in FEBRL
writeFileSync(join(dir, 'dataset4b.csv'), [HEADER, ...B].join('\n') + '\n');
writeFileSync(
  join(dir, 'true_matches_dataset4.csv'),
  ['rec_id_4a,rec_id_4b', ...[0, 1, 2, 3, 4, 5].map((i) => `rec-${i}-org,rec-${i}-dup-0`)].join('\n') + '\n',
);

describe('FEBRL linking', () => {
  it('reads the space-after-comma header and maps the columns', () => {
    const [first] = readFebrl(readFileSync(join(dir, 'dataset4a.csv'), 'utf8'));
    expect(first).toMatchObject({
      recId: 'rec-0-org',
      input: { fullName: 'dent rachael', birthDate: '1928-07-22', birthYear: 1928, idNumber: '1683994', communeCode: '4129', village: 'byford', address: '1 knox street lakewood estate' },
    });
  });

  it('links the duplicates despite typos, split and swapped names, and does not trust the shared soc_sec_id', () => {
    const read = (f: string): string => readFileSync(join(dir, f), 'utf8');
    const result = linkFebrl(read('dataset4a.csv'), read('dataset4b.csv'), read('true_matches_dataset4.csv'));
    expect(result.evaluation).toMatchObject({ truePositives: 6, trueLinks: 6, predicted: 6 });
    expect(result.pairs.every((p) => !p.byId)).toBe(true);
    // rec-7 shares rec-0's soc_sec_id and given name but nothing else: no match.
    expect(result.pairs.some((p) => p.b === 6 && p.decision === 'match')).toBe(false);
  });

  it('short-cuts on the shared number only when the ID column is trusted (idMode)', () => {
    const read = (f: string): string => readFileSync(join(dir, f), 'utf8');
    const asIds = (text: string) => readFebrl(text).map((r) => ({ ...r.input, idKind: 'CMND' as const }));
    const left = asIds(read('dataset4a.csv'));
    const right = asIds(read('dataset4b.csv'));
    const trusted = link(left, right, { ...DEFAULT_MATCH_CONFIG, idMode: 'trusted' });
    expect(trusted.find((p) => p.a === 0 && p.b === 6)).toMatchObject({ byId: true, decision: 'match' });
    const compared = link(left, right, FEBRL_MATCH_CONFIG);
    expect(compared.find((p) => p.a === 0 && p.b === 6)?.decision ?? null).not.toBe('match');
    expect(compared.every((p) => !p.byId)).toBe(true);
  });

  it('runs as a script on a folder and prints precision, recall and F1', () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'test/bench/febrl.ts', dir], { encoding: 'utf8' });
    expect(out).toMatch(/'match' pairs: predicted 6, true positives 6 of 6 true links; precision 1\.0000, recall 1\.0000, F1 1\.0000/);
  });
});
