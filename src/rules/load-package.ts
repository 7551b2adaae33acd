import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { AppError } from '../domain/index.js';
import { formatIssues } from './format-issues.js';
import { packageSchema, type PackageRules } from './schema.js';

/** The project's top-level `rules/` folder, found from this module's location (not the cwd). */
export function defaultRulesDir(): string {
  return fileURLToPath(new URL('../../rules/', import.meta.url));
}

/**
 * Parses and validates a package's YAML text. Throws `AppError('INVALID_RULES')` whose message
 * names the file and the path of every bad key, in Vietnamese.
 */
export function parsePackage(text: string, file: string): PackageRules {
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (err) {
    throw new AppError('INVALID_RULES', `Tệp quy tắc ${file} không đọc được (YAML sai cú pháp): ${(err as Error).message}`, undefined, {
      cause: err,
    });
  }
  const result = packageSchema.safeParse(data, { reportInput: true });
  if (!result.success) {
    throw new AppError('INVALID_RULES', `Tệp quy tắc ${file} không hợp lệ:\n${formatIssues(file, result.error.issues)}`);
  }
  const expectedId = basename(file).replace(/\.ya?ml$/, '');
  if (result.data.id !== expectedId) {
    throw new AppError('INVALID_RULES', `${file}, khóa "id": phải trùng với tên tệp ("${expectedId}"), nhận được "${result.data.id}"`);
  }
  return deepFreeze(result.data);
}

/**
 * Loads `rules/<id>.yaml` (or `<dir>/<id>.yaml`). Changing a rate or threshold in the file needs
 * no code change.
 * @example loadPackage('nq42-2020').groups.NCC?.rate.value // 500000
 */
export function loadPackage(id: string, dir: string = defaultRulesDir()): PackageRules {
  if (!/^[a-z0-9-]+$/.test(id)) {
    throw new AppError('BAD_INPUT', `Mã gói chính sách không hợp lệ: "${id}"`);
  }
  const path = [join(dir, `${id}.yaml`), join(dir, `${id}.yml`)].find((p) => existsSync(p));
  if (path === undefined) {
    const known = listPackages(dir);
    throw new AppError('NOT_FOUND', `Không có gói chính sách "${id}" (các gói hiện có: ${known.join(', ') || 'không có'})`);
  }
  // Parsed packages are frozen, so one parse per file version can be shared.
  const stat = statSync(path);
  const cacheKey = `${path}|${stat.mtimeMs}|${stat.size}`;
  const cached = cache.get(cacheKey);
  if (cached) return cached;
  const pkg = parsePackage(readFileSync(path, 'utf8'), `rules/${basename(path)}`);
  cache.set(cacheKey, pkg);
  return pkg;
}

const cache = new Map<string, PackageRules>();

/** Ids of the packages in the rules folder, sorted. */
export function listPackages(dir: string = defaultRulesDir()): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => f.replace(/\.ya?ml$/, ''))
    .sort();
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
