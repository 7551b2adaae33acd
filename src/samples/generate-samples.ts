import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Role } from '../domain/index.js';
import { AppError } from '../domain/index.js';
import type { AnswerKey } from './answer-key.js';
import { buildBaseline } from './baseline.js';
import type { PlannedCase, RowRef } from './model.js';
import { plantCases } from './plant.js';
import { Random } from './random.js';
import { DEFAULT_DATA_DIR, loadAdminUnits, loadNameTables } from './reference-data.js';
import { writeBeneficiaryWorkbook, writePayoutWorkbook } from './write-lists.js';
import { writePayoutCsv } from './write-payout-csv.js';
import { writePopulation, writeRegisters } from './write-registers.js';
import { PAYOUTS_PER_COMMUNE, pickArea, World } from './world.js';
import { plantStatistical, scalePopulation } from './plant-statistical.js';

export interface GenerateSamplesOptions {
  readonly seed: number;
  /** About how many payout rows to write in all. */
  readonly rows: number;
  readonly outDir: string;
  /** Folder of the reference data (default: the project's src/data). */
  readonly dataDir?: string;
}

/** Payout rows the planted anomalies and traps add on top of the ordinary ones (about). */
const PLANTED_ROWS = 175;

/** Untidy but harmless variations: some names in NFD, some with stray spaces. */
function messify(world: World): void {
  for (const e of world.payouts) {
    if (e.shown.name !== undefined) continue;
    const roll = world.random.next();
    if (roll < 0.04) e.shown.name = e.person.fullName.normalize('NFD');
    else if (roll < 0.06) e.shown.name = `${e.person.fullName.replace(' ', '  ')} `;
  }
}

function resolveCases(cases: readonly PlannedCase[], refs: ReadonlyMap<string, RowRef>): { rule: string; records: RowRef[]; note: string }[] {
  return cases.map((c) => ({
    rule: c.rule,
    records: c.keys.map((k) => {
      const ref = refs.get(k);
      if (ref === undefined) throw new AppError('INTERNAL', `Không tìm thấy dòng đã sinh cho khóa ${k} (${c.rule}).`);
      return ref;
    }),
    note: c.note,
  }));
}

/**
 * Generates the sample workbooks of one district (approved lists, payout lists, registers) with
 * planted anomalies and traps, and writes `answers.json`, the answer key. Deterministic: the same
 * seed gives the same cell values and the same answer key.
 * @example await generateSamples({ seed: 42, rows: 600, outDir: 'samples' })
 */
export async function generateSamples(options: GenerateSamplesOptions): Promise<{ files: string[]; answers: AnswerKey }> {
  const { seed, rows } = options;
  if (!Number.isInteger(seed) || seed < 0) throw new AppError('BAD_INPUT', `Hạt giống (--seed) phải là số nguyên không âm, nhận được "${seed}".`);
  if (!Number.isInteger(rows) || rows < 150 || rows > 1_000_000) throw new AppError('BAD_INPUT', `Số dòng (--rows) phải là số nguyên từ 150 đến 1000000, nhận được "${rows}".`);
  const dataDir = options.dataDir ?? DEFAULT_DATA_DIR;
  const outDir = resolve(options.outDir);
  const random = new Random(seed);
  const [units, names] = await Promise.all([loadAdminUnits(dataDir), loadNameTables(dataDir)]);
  const { area, communes } = pickArea(random, units, Math.ceil(rows / PAYOUTS_PER_COMMUNE));
  const world = new World(random, names, area, communes);
  buildBaseline(world, Math.max(rows - PLANTED_ROWS, Math.round(rows * 0.3)));
  plantCases(world);
  scalePopulation(world);
  plantStatistical(world);
  messify(world);

  await mkdir(outDir, { recursive: true });
  const refs = new Map<string, RowRef>();
  const files: { file: string; role: Role }[] = [];
  const merge = (m: ReadonlyMap<string, RowRef>): void => {
    for (const [k, v] of m) refs.set(k, v);
  };
  const slugs = new Set<string>();
  const tcvn3Payout = world.communes.find((c) => c.style === 2 && c.index !== world.csvCommune)?.index ?? -1;
  const tcvn3Beneficiaries = 3;
  // Another commune's payout file has one sheet typed in VNI-Windows, the other legacy encoding still met.
  const vniPayout = world.communes.find((c) => c.index !== world.csvCommune && c.index !== tcvn3Payout)?.index ?? -1;
  for (const commune of world.communes) {
    const slug = slugs.has(commune.slug) ? `${commune.slug}-${commune.code}` : commune.slug;
    slugs.add(slug);
    const benFile = `beneficiaries-${slug}.xlsx`;
    const benEntries = world.beneficiaries.filter((e) => e.communeIndex === commune.index);
    merge(await writeBeneficiaryWorkbook({ world, commune, entries: benEntries, dir: outDir, file: benFile, tcvn3: commune.index === tcvn3Beneficiaries }));
    files.push({ file: benFile, role: 'beneficiaries' });
    const payouts = world.payouts.filter((e) => e.communeIndex === commune.index);
    if (commune.index === world.csvCommune) {
      const file = `payouts-${slug}.csv`;
      merge(await writePayoutCsv({ world, commune, entries: payouts, dir: outDir, file, tcvn3: null }));
      files.push({ file, role: 'payouts' });
    } else {
      const file = `payouts-${slug}.xlsx`;
      merge(await writePayoutWorkbook({ world, commune, entries: payouts, dir: outDir, file, tcvn3: commune.index === tcvn3Payout ? 0 : null, vni: commune.index === vniPayout ? 0 : null }));
      files.push({ file, role: 'payouts' });
    }
  }
  const registers = await writeRegisters(world, outDir);
  merge(registers.refs);
  files.push(...registers.files);
  merge(await writePopulation(world.population, outDir));
  files.push({ file: 'register-population.csv', role: 'register:population' });

  const answers: AnswerKey = {
    schema: 'ansinh.answers/1',
    seed,
    rows,
    package: 'nq42-2020',
    area: {
      province: { code: area.provinceCode, name: area.provinceName },
      district: { code: area.districtCode, name: area.districtName },
      communes: world.communes.map((c) => ({ code: c.code, name: c.name, villages: c.villages })),
    },
    counts: { payoutRows: world.payouts.length, beneficiaryRows: world.beneficiaries.length },
    files,
    anomalies: resolveCases(world.anomalies, refs),
    traps: resolveCases(world.traps, refs).map(({ rule, records, note }) => ({ kind: rule, records, note })),
  };
  const answersPath = join(outDir, 'answers.json');
  await writeFile(answersPath, `${JSON.stringify(answers, null, 2)}\n`, 'utf8');
  return { files: [...files.map((f) => join(outDir, f.file)), answersPath], answers };
}
