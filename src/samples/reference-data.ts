import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../domain/index.js';
import { WeightedList } from './random.js';

/** The project's data folder (src/data), next to this module's folder. */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../data/', import.meta.url));

/** One commune of the GSO 2020 list. */
export interface AdminUnit {
  readonly provinceCode: string;
  readonly provinceName: string;
  readonly districtCode: string;
  readonly districtName: string;
  readonly communeCode: string;
  readonly communeName: string;
  readonly communeType: string;
}

/** Weighted name parts from the UIT-ViNames frequencies. */
export interface NameTables {
  readonly surnames: WeightedList<string>;
  readonly middle: { readonly M: WeightedList<string>; readonly F: WeightedList<string> };
  readonly given: { readonly M: WeightedList<string>; readonly F: WeightedList<string> };
}

async function readCsv(path: string): Promise<string[][]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    throw new AppError('NOT_FOUND', `Không đọc được tệp dữ liệu tham chiếu "${path}".`, { file: path }, { cause });
  }
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .slice(1)
    .map((line) => line.split(','));
}

/** Reads `admin-units-2020.csv` (GSO codes as strings, leading zeros kept). */
export async function loadAdminUnits(dataDir: string): Promise<AdminUnit[]> {
  const rows = await readCsv(join(dataDir, 'admin-units-2020.csv'));
  return rows.map(([provinceCode = '', provinceName = '', districtCode = '', districtName = '', communeCode = '', communeName = '', communeType = '']) => ({
    provinceCode,
    provinceName,
    districtCode,
    districtName,
    communeCode,
    communeName,
    communeType,
  }));
}

async function weighted(path: string): Promise<WeightedList<string>> {
  const rows = await readCsv(path);
  return new WeightedList(rows.map(([name = '', count = '0']) => ({ item: name.normalize('NFC'), weight: Number(count) })).filter((e) => e.item !== ''));
}

/** Reads the name-frequency tables of `vn-names/`. */
export async function loadNameTables(dataDir: string): Promise<NameTables> {
  const dir = join(dataDir, 'vn-names');
  const [surnames, middleM, middleF, givenM, givenF] = await Promise.all([
    weighted(join(dir, 'surnames.csv')),
    weighted(join(dir, 'middle_names_male.csv')),
    weighted(join(dir, 'middle_names_female.csv')),
    weighted(join(dir, 'given_names_male.csv')),
    weighted(join(dir, 'given_names_female.csv')),
  ]);
  return { surnames, middle: { M: middleM, F: middleF }, given: { M: givenM, F: givenF } };
}
