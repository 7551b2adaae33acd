import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { callersDirectory } from '../../src/cli/callers-directory.js';
import { villageSheet } from '../ingest/village-workbook.js';
import { tempDir, writeWorkbook } from '../ingest/write-files.js';
import { npmRunAnsinh, ROOT, runAnsinh } from './run-cli.js';

describe('paths typed after npm run ansinh', () => {
  it('are the folder the user typed the command in, only for the CLI’s own npm scripts', () => {
    const ran = (npm_lifecycle_event: string | undefined, INIT_CWD: string | undefined) => ({ npm_lifecycle_event, INIT_CWD });
    expect(callersDirectory(ran('ansinh', '/home/thanh-tra/ho-so'), ROOT)).toBe('/home/thanh-tra/ho-so');
    expect(callersDirectory(ran('samples', '/tmp/x/../y'), ROOT)).toBe('/tmp/y');
    expect(callersDirectory(ran('ansinh', ROOT), ROOT)).toBeNull(); // typed in the package folder
    expect(callersDirectory(ran('test', '/home/thanh-tra'), ROOT)).toBeNull(); // a test spawning the CLI
    expect(callersDirectory(ran(undefined, '/home/thanh-tra'), ROOT)).toBeNull(); // node src/cli/main.ts
    expect(callersDirectory(ran('ansinh', ''), ROOT)).toBeNull();
  });

  it('find a workbook named relative to the folder npm was run in, not the package folder', async () => {
    const dir = await tempDir();
    try {
      await writeWorkbook(dir.file('xa-an-binh.xlsx'), [villageSheet('Thôn 1', [[1, 'Nguyễn Văn An', 1950, null, '001050012345', 'Thôn 1', 'NCC', 3, '1.500.000', null, null]])]);
      const found = await npmRunAnsinh(dir.dir, ['inspect', 'xa-an-binh.xlsx']);
      expect(found.code, found.stderr).toBe(0);
      expect(found.stdout).toContain('Nguyễn Văn An');
      const missing = await npmRunAnsinh(dir.dir, ['inspect', 'khong-co.xlsx']);
      expect(missing.code).not.toBe(0);
      expect(missing.stderr).toContain('tệp "khong-co.xlsx": không tìm thấy tệp');
    } finally {
      await dir.cleanup();
    }
  }, 60_000);

  it('stay relative to the package folder when the folder npm was typed in is gone', async () => {
    const result = await runAnsinh(['inspect', 'samples/payouts-nghen.xlsx'], { npm_lifecycle_event: 'ansinh', INIT_CWD: path.join(ROOT, 'khong-con-thu-muc-nay') });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('payouts-nghen.xlsx');
  });

  it('leave the defaults in the package: evaluate typed in another folder still scores the bundled samples', async () => {
    const dir = await tempDir();
    try {
      const result = await npmRunAnsinh(dir.dir, ['evaluate', '--json', 'danh-gia.json']);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toMatch(/DUPLICATE_PAYMENT\s+\d+\s+\d+\s+\d+\s+1\.000\s+1\.000/);
      // The JSON asked for by a relative path is written where the command was typed.
      expect(JSON.parse(fs.readFileSync(dir.file('danh-gia.json'), 'utf8'))).toHaveProperty('schema', 'ansinh.findings/1');
    } finally {
      await dir.cleanup();
    }
  }, 120_000);
});
