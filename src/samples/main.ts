/**
 * Runnable entry point: `npx tsx src/samples/main.ts --seed 42 --rows 600 --out samples`.
 * The project CLI's `samples` command calls {@link generateSamples} the same way.
 */
import { parseArgs } from 'node:util';
import { AppError } from '../domain/index.js';
import { generateSamples } from './generate-samples.js';

function toInt(value: string | undefined, flag: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n)) throw new AppError('BAD_INPUT', `Giá trị của --${flag} phải là số nguyên, nhận được "${value}".`);
  return n;
}

function readFlags(): { seed?: string; rows?: string; out?: string } {
  try {
    return parseArgs({
      options: {
        seed: { type: 'string', default: '42' },
        rows: { type: 'string', default: '600' },
        out: { type: 'string', default: 'samples' },
      },
      strict: true,
    }).values;
  } catch (cause) {
    throw new AppError('BAD_INPUT', 'Tham số không hợp lệ. Cách dùng: --seed SỐ --rows SỐ --out THƯ_MỤC.', undefined, { cause });
  }
}

async function main(): Promise<void> {
  const values = readFlags();
  const { files, answers } = await generateSamples({
    seed: toInt(values.seed, 'seed', 42),
    rows: toInt(values.rows, 'rows', 600),
    outDir: values.out ?? 'samples',
  });
  process.stdout.write(
    `Đã sinh ${files.length} tệp (${answers.counts.payoutRows} dòng chi trả, ${answers.anomalies.length} bất thường cài sẵn, ${answers.traps.length} bẫy) cho ${answers.area.district.name}, ${answers.area.province.name}.\n`,
  );
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`Lỗi: ${message}\n`);
  process.exitCode = error instanceof AppError ? error.exitCode : 1;
});
