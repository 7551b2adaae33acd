import type { Cell, SheetSpec } from './write-files.js';

/**
 * A commune payout list as communes really send them: a title block with merged cells, a two-row
 * header ("Năm sinh" over "Nam" | "Nữ", "Số tiền" over "Số tháng" | "Thành tiền"), a row of column
 * numbers, a section heading, data rows, a totals row, the amount in words and a signature block.
 */
export function villageSheet(name: string, people: Cell[][], options: { repeatHeaderAfter?: number } = {}): SheetSpec {
  const header1: Cell[] = ['STT', 'Họ và tên', 'Năm sinh', null, 'Số CMND/CCCD', 'Địa chỉ', 'Đối tượng', 'Số tiền', null, 'Ký nhận', 'Ghi chú'];
  const header2: Cell[] = [null, null, 'Nam', 'Nữ', null, null, null, 'Số tháng', 'Thành tiền', null, null];
  const numbers: Cell[] = ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)', '(8)', '(9)', '(10)', '(11)'];
  const rows: Cell[][] = [
    ['ỦY BAN NHÂN DÂN XÃ AN BÌNH', null, null, null, null, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
    ['HUYỆN CHÂU THÀNH - TỈNH TÂY NINH', null, null, null, null, 'Độc lập - Tự do - Hạnh phúc'],
    [],
    ['DANH SÁCH CHI TRẢ HỖ TRỢ NGƯỜI CÓ CÔNG VỚI CÁCH MẠNG THEO NGHỊ QUYẾT 42/NQ-CP'],
    ['(Kèm theo Quyết định số 123/QĐ-UBND ngày 10/5/2020 của UBND xã An Bình)'],
    header1,
    header2,
    numbers,
    ['I. NGƯỜI CÓ CÔNG VỚI CÁCH MẠNG'],
  ];
  const merges = ['A1:D1', 'F1:K1', 'A2:D2', 'F2:K2', 'A4:K4', 'A5:K5', 'A6:A7', 'B6:B7', 'C6:D6', 'E6:E7', 'F6:F7', 'G6:G7', 'H6:I6', 'J6:J7', 'K6:K7', 'A9:K9'];
  people.forEach((p, i) => {
    if (options.repeatHeaderAfter !== undefined && i === options.repeatHeaderAfter) {
      rows.push(header1, header2, numbers);
    }
    rows.push(p);
  });
  const totalRow = rows.length + 1;
  rows.push(['Tổng cộng', null, null, null, null, null, null, null, people.length * 1_500_000]);
  merges.push(`A${totalRow}:G${totalRow}`);
  rows.push([`Bằng chữ: ${people.length === 3 ? 'Bốn triệu năm trăm nghìn đồng' : 'theo số tiền trên'}.`]);
  rows.push([]);
  rows.push([null, null, null, null, null, null, null, 'An Bình, ngày 15 tháng 5 năm 2020']);
  rows.push([null, 'Người lập biểu', null, null, 'Kế toán', null, null, null, 'CHỦ TỊCH UBND XÃ']);
  rows.push([null, '(Ký, ghi rõ họ tên)', null, null, '(Ký, ghi rõ họ tên)', null, null, null, '(Ký tên, đóng dấu)']);
  rows.push([]);
  rows.push([]);
  rows.push([null, 'Nguyễn Thị Lập', null, null, 'Trần Văn Toán', null, null, null, 'Lê Văn Chủ']);
  return { name, rows, merges };
}

/** The first data row of {@link villageSheet} (rows 1–5 title, 6–7 header, 8 column numbers, 9 section). */
export const FIRST_PERSON_ROW = 10;
