import { rm } from 'node:fs/promises';
import { CATEGORY_LABELS } from '../domain/index.js';
import { writeCategorySheet } from './category-sheet.js';
import { writeCommuneSheet } from './commune-sheet.js';
import { spoolFindings } from './finding-spool.js';
import { CATEGORY_SHEET_ORDER } from './labels.js';
import { writeRulesSheet } from './rules-sheet.js';
import { createStreamingWorkbook } from './streaming-workbook.js';
import { writeSummarySheet } from './summary-sheet.js';
import type { ReportInput } from './types.js';

/** The application named as the workbook's author in its document properties. */
export const REPORT_CREATOR = 'ansinh-audit';

/**
 * Writes the findings workbook — "Tổng hợp", one sheet per finding category, "Theo xã", "Quy tắc" —
 * to a path or a stream, in bounded memory however many findings there are: the findings are read
 * once and spooled per category to temporary files, then every sheet is streamed in order.
 * Statistical findings whose evidence holds a chart (`evidence.chart.pngBase64`) get it drawn beside
 * their row on "Bất thường thống kê"; the charts of the highest-scoring ones also close "Tổng hợp".
 * The document's creation time is `input.generatedAt`, so the same input gives the same content.
 * @example await writeFindingsWorkbook(input, 'reports/kiem-tra.xlsx') // { findings: 1234 }
 */
export async function writeFindingsWorkbook(input: ReportInput, out: string | NodeJS.WritableStream): Promise<{ findings: number }> {
  const spool = await spoolFindings(input.findings, {
    ruleTitles: new Map(input.checks.map((check) => [check.id, check.title])),
    communeNames: new Map(input.communes.flatMap((c) => (c.code === null ? [] : [[c.code, c.name] as const]))),
    maskIds: input.maskIds,
  });
  try {
    const book = createStreamingWorkbook(out, {
      title: input.title,
      subject: `Kết quả kiểm tra chi trả hỗ trợ — ${input.packageTitle}`,
      creator: REPORT_CREATOR,
      created: input.generatedAt,
    });
    await writeSummarySheet(book, input, spool.totals, spool.charts);
    for (const category of CATEGORY_SHEET_ORDER) {
      await writeCategorySheet(book, CATEGORY_LABELS[category], input.title, spool.rows(category), {
        // Only the statistical checks draw charts; the column is left out when no finding has one.
        charts: category === 'statistical' && spool.rowCharts > 0,
      });
    }
    await writeCommuneSheet(book, input);
    await writeRulesSheet(book, input, spool.totals);
    await book.commit();
    return { findings: spool.totals.count };
  } catch (error) {
    // A half-written workbook must not pass for a report.
    if (typeof out === 'string') await rm(out, { force: true });
    throw error;
  } finally {
    await spool.dispose();
  }
}
