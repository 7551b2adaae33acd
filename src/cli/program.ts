import { Command, CommanderError } from 'commander';
import { AppError } from '../domain/index.js';
import { registerAudit } from './commands/audit.js';
import { registerDemo } from './commands/demo.js';
import { registerEvaluate } from './commands/evaluate.js';
import { registerIngest } from './commands/ingest.js';
import { registerInspect } from './commands/inspect.js';
import { registerReview } from './commands/review.js';
import { registerSamples } from './commands/samples.js';
import { registerServe } from './commands/serve.js';
import { registerToken } from './commands/token.js';
import { registerUser } from './commands/user.js';
import { useVietnameseHelp } from './vietnamese-help.js';

/**
 * The command line. Each command imports what it runs only when it runs (`await import(…)` in its
 * action): loading the server, the checks and the workbook writer for every command cost about 0.6 s
 * of startup, a tenth of a small ingest.
 */
export function buildProgram(): Command {
  const program = new Command('ansinh')
    .description('Kiểm tra chi trả hỗ trợ COVID-19 (NQ 42/NQ-CP, QĐ 15/2020/QĐ-TTg) từ bảng tính của xã')
    .exitOverride();
  useVietnameseHelp(program);
  registerIngest(program);
  registerInspect(program);
  registerAudit(program);
  registerEvaluate(program);
  registerReview(program);
  registerSamples(program);
  registerDemo(program);
  registerServe(program);
  registerUser(program);
  registerToken(program);
  return program;
}

/** Runs the CLI and returns the exit code: the one place where errors become messages and codes. */
export async function runCli(argv: readonly string[]): Promise<number> {
  try {
    await buildProgram().parseAsync([...argv]);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof AppError) {
      process.stderr.write(`Lỗi: ${error.message}\n`);
      return error.exitCode;
    }
    process.stderr.write(`Lỗi không mong đợi: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  }
}
