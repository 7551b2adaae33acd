import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Option } from 'commander';
import { packagePath } from '../config/index.js';
import { AppError, isCanonicalField, parseRole, type Role } from '../domain/index.js';
import type { ExplicitMapping } from '../ingest/index.js';

/**
 * An option naming a folder of the package by default (`samples`, `reports`): the default is that folder of
 * the package wherever the command is typed, a path the user types is taken from where it is typed (see
 * callersDirectory).
 */
export function packageFolderOption(flags: string, description: string, folder: string): Option {
  return new Option(flags, description).default(packagePath(folder), `${folder}/ của bộ công cụ`);
}

/** Collects a repeatable option into an array. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export function parseRoleOption(value: string): Role {
  const role = parseRole(value);
  if (!role) {
    throw new AppError(
      'BAD_INPUT',
      `vai trò "${value}" không hợp lệ; dùng beneficiaries, payouts hoặc register:<loại> (deceased, pension, unemployment, payroll, poor-2019, population)`,
    );
  }
  return role;
}

/** Builds an explicit column mapping from `--map field=COL` flags and an optional JSON mapping file. */
export function parseMapping(maps: readonly string[] | undefined, mappingFile: string | undefined): ExplicitMapping | undefined {
  const mapping: Record<string, string | null> = {};
  if (mappingFile) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(mappingFile, 'utf8'));
    } catch (error) {
      throw new AppError('INVALID_MAPPING', 'không đọc được tệp ánh xạ cột (cần JSON dạng {"fullName": "B"})', { file: path.basename(mappingFile) }, { cause: error });
    }
    if (typeof parsed !== 'object' || parsed === null) {
      throw new AppError('INVALID_MAPPING', 'tệp ánh xạ cột phải là một đối tượng JSON', { file: path.basename(mappingFile) });
    }
    for (const [field, column] of Object.entries(parsed)) mapping[field] = column === null ? null : String(column);
  }
  for (const entry of maps ?? []) {
    const at = entry.indexOf('=');
    if (at <= 0) throw new AppError('INVALID_MAPPING', `"--map ${entry}" phải có dạng trường=cột, ví dụ fullName=B`);
    mapping[entry.slice(0, at).trim()] = entry.slice(at + 1).trim();
  }
  for (const field of Object.keys(mapping)) {
    if (!isCanonicalField(field)) throw new AppError('INVALID_MAPPING', `trường "${field}" không có trong danh sách trường chuẩn`);
  }
  return Object.keys(mapping).length > 0 ? (mapping as ExplicitMapping) : undefined;
}
