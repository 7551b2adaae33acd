import type { PersonRecord } from '../../../domain/index.js';
import type { SourceRecord } from '../../../store/index.js';
import { formatVnd } from '../format.js';
import { RECORD_FIELDS, roleLabel } from './labels.js';

const MONEY_FIELDS = new Set<keyof PersonRecord>(['amount', 'rate', 'revenue']);

/** A canonical value as text; '' when empty. */
function fieldText(record: PersonRecord, field: keyof PersonRecord): string {
  const value = record[field];
  if (value === null || value === undefined || value === '') return '';
  if (MONEY_FIELDS.has(field) && typeof value === 'number') return formatVnd(value);
  if (field === 'gender') return value === 'M' ? 'Nam' : value === 'F' ? 'Nữ' : String(value);
  return String(value);
}

/** A raw spreadsheet value as written; '' when empty. */
function rawText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

interface FieldRow {
  readonly label: string;
  /** One cell per source record; null where the record is gone. */
  readonly values: readonly (string | null)[];
}

/** Rows where at least one record has a value: canonical fields first, then the raw columns. */
export function sourceRows(sources: readonly SourceRecord[]): { fields: FieldRow[]; raw: FieldRow[] } {
  const fields: FieldRow[] = [];
  for (const [field, label] of RECORD_FIELDS) {
    const values = sources.map((s) => (s.record ? fieldText(s.record, field) : null));
    if (values.some((v) => v !== null && v !== '')) fields.push({ label, values });
  }
  const columns: string[] = [];
  for (const s of sources) for (const key of Object.keys(s.record?.raw ?? {})) if (!columns.includes(key)) columns.push(key);
  const raw = columns.map((column) => ({
    label: column,
    values: sources.map((s) => (s.record ? rawText(s.record.raw[column]) : null)),
  }));
  return { fields, raw };
}

/** True when two or more of the records still stored disagree on the value. */
export function differs(values: readonly (string | null)[]): boolean {
  const present = values.filter((v): v is string => v !== null);
  return present.length >= 2 && new Set(present.map((v) => v.normalize('NFC').trim())).size > 1;
}

function ValueRow({ row }: { row: FieldRow }) {
  const diff = differs(row.values);
  return (
    <tr class={diff ? 'diff' : undefined}>
      <th scope="row">
        {row.label}
        {diff ? <span class="visually-hidden"> (khác)</span> : null}
      </th>
      {row.values.map((value) => (
        <td class={diff ? 'diff' : undefined}>{value === null ? <span class="muted">—</span> : value}</td>
      ))}
    </tr>
  );
}

/** Most records shown side by side; a finding on more rows (a statistical cluster) lists them instead. */
export const MAX_SIDE_BY_SIDE = 8;

/** One line per record: for findings resting on many rows, where columns side by side would not fit. */
function RecordList({ sources }: { sources: readonly SourceRecord[] }) {
  return (
    <div class="table-wrap" role="region" aria-label="Các dòng dữ liệu của phát hiện" tabindex={0}>
      <table class="records">
        <caption>
          Phát hiện dựa trên {sources.length} dòng dữ liệu (quá nhiều để đặt cạnh nhau), mỗi dòng một hàng.
        </caption>
        <thead>
          <tr>
            <th scope="col">Bản ghi</th>
            <th scope="col">Nguồn</th>
            <th scope="col">Họ và tên</th>
            <th scope="col">Số CMND/CCCD</th>
            <th scope="col">Thôn/ấp/tổ</th>
            <th scope="col" class="num">
              Số tiền
            </th>
            <th scope="col">Ngày chi trả</th>
          </tr>
        </thead>
        <tbody>
          {sources.map((s, i) => (
            <tr>
              <th scope="row">{i + 1}</th>
              <td>
                {roleLabel(s.ref.role)}: {s.ref.file}, trang tính “{s.ref.sheet}”, dòng {s.ref.row}
              </td>
              {s.record === null ? (
                <td colspan={5}>
                  <strong class="error">Không còn trong dữ liệu (tệp đã bị xóa hoặc thay thế)</strong>
                </td>
              ) : (
                <>
                  <td>{fieldText(s.record, 'fullName')}</td>
                  <td>{fieldText(s.record, 'idNumber')}</td>
                  <td>{fieldText(s.record, 'village')}</td>
                  <td class="num">{fieldText(s.record, 'amount')}</td>
                  <td>{fieldText(s.record, 'paidDate')}</td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The records a finding rests on, side by side: one column per record, one row per field
 * (canonical fields, then the spreadsheet's columns as written). Rows where the records disagree
 * carry class "diff" and a hidden "(khác)" for screen readers; a record no longer stored is named
 * as such.
 */
export function SourceTable({ sources }: { sources: readonly SourceRecord[] }) {
  if (sources.length === 0) return <p>Phát hiện này không gắn với dòng dữ liệu cụ thể nào.</p>;
  if (sources.length > MAX_SIDE_BY_SIDE) return <RecordList sources={sources} />;
  const { fields, raw } = sourceRows(sources);
  const width = sources.length + 1;
  return (
    <div class="table-wrap" role="region" aria-label="Hồ sơ đối chiếu đặt cạnh nhau" tabindex={0}>
      <table class="records">
        <caption>Các dòng dữ liệu của phát hiện, đặt cạnh nhau; dòng tô màu là chỗ các bản ghi khác nhau.</caption>
        <thead>
          <tr>
            <th scope="col">Trường</th>
            {sources.map((s, i) => (
              <th scope="col">
                Bản ghi {i + 1}: {roleLabel(s.ref.role)}
                <br />
                <span class="muted">
                  {s.ref.file}, trang tính “{s.ref.sheet}”, dòng {s.ref.row}
                </span>
                {s.record === null ? (
                  <>
                    <br />
                    <strong class="error">Không còn trong dữ liệu (tệp đã bị xóa hoặc thay thế)</strong>
                  </>
                ) : null}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {fields.map((row) => (
            <ValueRow row={row} />
          ))}
        </tbody>
        {raw.length > 0 ? (
          <tbody>
            <tr>
              <th scope="colgroup" colspan={width}>
                Các cột như ghi trong bảng tính
              </th>
            </tr>
            {raw.map((row) => (
              <ValueRow row={row} />
            ))}
          </tbody>
        ) : null}
      </table>
    </div>
  );
}
