import type { Context } from 'hono';
import { CANONICAL_FIELDS, ROLE_LABELS, type CanonicalField } from '../../../domain/index.js';
import type { AuditRow } from '../../../store/index.js';
import type { AppEnv } from '../../app-env.js';
import type { StagedFile, StagedSheet, StagingManifest } from '../../jobs/upload-staging.js';
import { formatCount } from '../format.js';
import { CsrfField, Layout } from '../layout.js';
import { fieldLabel, layoutsOf, selectName, type SheetLayout } from './mapping-form.js';
import { auditCrumbs } from './upload-form-page.js';
import { ErrorList } from '../error-list.js';

const FIELDS = Object.keys(CANONICAL_FIELDS) as CanonicalField[];

function rowSpan(rows: readonly number[]): string {
  const first = rows[0];
  const last = rows[rows.length - 1];
  if (first === undefined || last === undefined) return '—';
  return first === last ? `${first}` : `${first}–${last}`;
}

function MappingTable(props: { file: StagedFile; layout: SheetLayout; selected: ReadonlyMap<string, string> | undefined }) {
  const { file, layout } = props;
  const sheetIndex = layout.sheetIndex;
  return (
    <div class="table-wrap" role="region" tabindex={0} aria-label={`Ánh xạ cột của tệp ${file.name}`}>
      <table>
        <caption>Ánh xạ cột — {layout.sheets.length > 1 ? `${layout.sheets.length} trang cùng cột: ` : 'trang '}{layout.sheets.map((s) => `«${s.sheet}»`).join(', ')}</caption>
        <thead>
          <tr>
            <th scope="col">Cột</th>
            <th scope="col">Tiêu đề trong tệp</th>
            <th scope="col">Trường chuẩn</th>
          </tr>
        </thead>
        <tbody>
          {layout.columns.map((column) => {
            const name = selectName(file, sheetIndex, column.letter);
            const id = `map-${file.folder}-${sheetIndex}-${column.letter}`;
            const value = props.selected?.get(name) ?? column.field ?? '';
            const header = column.header === '' ? 'không có tiêu đề' : column.header;
            return (
              <tr>
                <th scope="row">{column.letter}</th>
                <td>{column.header === '' ? <em>(không có tiêu đề)</em> : column.header}</td>
                <td>
                  <label for={id} class="visually-hidden">
                    {`Trường của cột ${column.letter} (${header})`}
                  </label>
                  <select id={id} name={name}>
                    <option value="" selected={value === ''}>
                      (bỏ qua)
                    </option>
                    {FIELDS.map((field) => (
                      <option value={field} selected={value === field}>
                        {fieldLabel(field)}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function SamplesTable({ sheet }: { sheet: StagedSheet }) {
  if (sheet.samples.length === 0) return <p>Không có dòng dữ liệu nào để xem trước.</p>;
  const labels = [...new Set(sheet.samples.flatMap((s) => Object.keys(s.values)))];
  return (
    <div class="table-wrap" role="region" tabindex={0} aria-label={`Các dòng đầu của trang ${sheet.sheet}`}>
      <table>
        <caption>Các dòng đầu như sẽ được lưu — trang «{sheet.sheet}»</caption>
        <thead>
          <tr>
            <th scope="col">Dòng</th>
            {labels.map((l) => (
              <th scope="col">{l}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sheet.samples.map((s) => (
            <tr>
              <th scope="row">{s.row}</th>
              {labels.map((l) => (
                <td>{s.values[l] ?? ''}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function SheetSection({ sheet }: { sheet: StagedSheet }) {
  if (!sheet.isDataSheet) {
    return (
      <section>
        <h3>Trang «{sheet.sheet}»</h3>
        <p>Không phải trang dữ liệu, sẽ bỏ qua: {sheet.reason ?? 'không rõ lý do'}.</p>
      </section>
    );
  }
  const skipped = Object.entries(sheet.skipped).map(([reason, n]) => `${reason}: ${formatCount(n)}`);
  return (
    <section>
      <h3>Trang «{sheet.sheet}»</h3>
      {sheet.title ? <p>Tên danh sách: {sheet.title}</p> : null}
      <ul>
        <li>
          Dòng tiêu đề: <strong>{rowSpan(sheet.headerRows)}</strong>; dữ liệu từ dòng {sheet.dataStartRow} (độ tin cậy {Math.round(sheet.confidence * 100)}%)
        </li>
        <li>
          Dòng dữ liệu: <strong>{formatCount(sheet.rowsRead)}</strong>; dòng bỏ qua: {formatCount(sheet.rowsSkipped)}
          {skipped.length > 0 ? ` (${skipped.join(', ')})` : ''}; dòng bị loại (không có tên và số giấy tờ): {formatCount(sheet.rowsRejected)}
        </li>
      </ul>
      <SamplesTable sheet={sheet} />
    </section>
  );
}

/** "Kiểm tra cột": per staged file and sheet the detection, the editable mapping and the first rows. */
export function PreviewPage(props: {
  c: Context<AppEnv>;
  audit: AuditRow;
  manifest: StagingManifest;
  selected?: ReadonlyMap<string, string>;
  errors?: readonly string[];
}) {
  const { c, audit, manifest } = props;
  return (
    <Layout c={c} title="Kiểm tra cột" crumbs={[...auditCrumbs(audit), { href: `/audits/${audit.id}/upload`, label: 'Tải tệp lên' }]}>
      <h1>Kiểm tra cột</h1>
      <p>
        Loại danh sách: <strong>{ROLE_LABELS[manifest.role] ?? manifest.role}</strong>. Kiểm tra dòng tiêu đề và trường của từng cột; sửa ánh xạ nếu
        cần rồi bấm «Nạp dữ liệu». Mỗi tệp được nạp trọn vẹn hoặc không nạp gì.
      </p>
      <ErrorList errors={props.errors} lead="Chưa nạp được, hãy sửa ánh xạ:" />
      {manifest.refused.length > 0 ? (
        <div role="alert" class="notice error">
          <p>Các tệp sau không đọc được và sẽ không được nạp:</p>
          <ul>
            {manifest.refused.map((r) => (
              <li>{r.message}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {manifest.files.length > 0 ? (
        <form method="post" action={`/audits/${audit.id}/upload/confirm`}>
          <CsrfField c={c} />
          <input type="hidden" name="staging" value={manifest.id} />
          {manifest.files.map((file) => (
            <section class="panel" aria-labelledby={`file-${file.folder}`}>
              <h2 id={`file-${file.folder}`}>Tệp «{file.name}»</h2>
              <p>Tổng số dòng dữ liệu: {formatCount(file.rowsRead)}</p>
              <h3>Ánh xạ cột</h3>
              <p>
                Các trang có cùng cột dùng chung một bảng. Ánh xạ bạn sửa được áp dụng cho mọi trang của tệp; «(bỏ qua)» nghĩa là cột không được
                dùng (vẫn giữ trong dữ liệu gốc).
              </p>
              {layoutsOf(file).map((layout) => (
                <MappingTable file={file} layout={layout} selected={props.selected} />
              ))}
              {file.sheets.map((sheet) => (
                <SheetSection sheet={sheet} />
              ))}
            </section>
          ))}
          <p>
            <button type="submit">Nạp dữ liệu</button>
          </p>
        </form>
      ) : null}
      <p>
        <a href={`/audits/${audit.id}/upload`}>Chọn tệp khác</a>
      </p>
    </Layout>
  );
}
