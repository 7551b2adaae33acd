import { STYLES } from './cell-styles.js';
import { COMMUNE_SHEET } from './labels.js';
import { sheetOptions } from './sheet-setup.js';
import { addHeaderRow, addTableRow, count, money, percent, ratio, text } from './sheet-table.js';
import type { StreamingWorkbook } from './streaming-workbook.js';
import type { ReportInput } from './types.js';

const HEADERS = [
  'Mã xã',
  'Tên xã',
  'Số đối tượng',
  'Số lượt chi trả',
  'Số tiền đã chi (đồng)',
  'Số phát hiện',
  'Số tiền có nguy cơ sai (đồng)',
  'Tỷ lệ tiền có nguy cơ sai',
];

/** Writes "Theo xã": per commune, beneficiaries, payouts, amounts paid, findings and amount at risk, with totals. */
export async function writeCommuneSheet(book: StreamingWorkbook, input: ReportInput): Promise<void> {
  const sheet = book.addSheet(COMMUNE_SHEET, sheetOptions({ orientation: 'landscape', printTitlesRow: '1:1', freezeRows: 1, headerLeft: input.title, headerRight: COMMUNE_SHEET }));
  sheet.columns = [10, 30, 14, 14, 20, 14, 22, 16].map((width) => ({ width }));
  addHeaderRow(sheet, HEADERS);
  const sum = { beneficiaries: 0, payouts: 0, amountPaid: 0, findings: 0, amountAtRisk: 0 };
  for (const commune of input.communes) {
    sum.beneficiaries += commune.beneficiaries;
    sum.payouts += commune.payouts;
    sum.amountPaid += commune.amountPaid;
    sum.findings += commune.findings;
    sum.amountAtRisk += commune.amountAtRisk;
    addTableRow(sheet, [
      text(commune.code, STYLES.textCenter),
      text(commune.name, STYLES.text),
      count(commune.beneficiaries),
      count(commune.payouts),
      money(commune.amountPaid),
      count(commune.findings),
      money(commune.amountAtRisk),
      percent(ratio(commune.amountAtRisk, commune.amountPaid)),
    ]);
  }
  const lastDataRow = input.communes.length + 1;
  addTableRow(sheet, [
    text(null, STYLES.totalLabel),
    text('Tổng cộng', STYLES.totalLabel),
    count(sum.beneficiaries, true),
    count(sum.payouts, true),
    money(sum.amountPaid, true),
    count(sum.findings, true),
    money(sum.amountAtRisk, true),
    percent(ratio(sum.amountAtRisk, sum.amountPaid)),
  ]);
  sheet.autoFilter = `A1:H${lastDataRow}`;
  sheet.commit();
}
