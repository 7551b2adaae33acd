import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import { CATEGORY_LABELS, REVIEW_STATUSES, REVIEW_STATUS_LABELS, SEVERITY_LABELS, type ReviewStatus } from '../../../domain/index.js';
import type { AuditRow, FindingEvent, SourceRecord, StoredFinding } from '../../../store/index.js';
import type { AppEnv } from '../../app-env.js';
import { formatDateTime, formatVnd } from '../format.js';
import { CsrfField, Layout } from '../layout.js';
import { ruleLegalBasis, ruleTitle } from './labels.js';
import { formatScore } from './list-page.js';
import { matchesOf, MatchTable } from './match-table.js';
import { SourceTable } from './source-table.js';

/** What the status form shows: the user's values after a conflict, else the finding's. */
export interface StatusDraft {
  readonly status: ReviewStatus;
  readonly note: string;
}

export interface CasePageProps {
  readonly c: Context<AppEnv>;
  readonly audit: AuditRow;
  readonly finding: StoredFinding;
  readonly sources: readonly SourceRecord[];
  readonly history: readonly FindingEvent[];
  readonly canReview: boolean;
  readonly saved?: boolean;
  /** Set when the user's save was refused because someone else changed the finding first. */
  readonly conflict?: { readonly draft: StatusDraft; readonly sentVersion: number } | undefined;
}

/** The SVG chart of a statistical finding, if its evidence has one. */
function chartSvg(finding: StoredFinding): string | null {
  const chart = finding.evidence['chart'];
  if (typeof chart !== 'object' || chart === null) return null;
  const svg = (chart as Record<string, unknown>)['svg'];
  return typeof svg === 'string' && svg.trim().startsWith('<svg') ? svg : null;
}

function Fact({ label, cls, children }: { label: string; cls?: string; children?: Child }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td class={cls}>{children}</td>
    </tr>
  );
}

function Explanation({ finding }: { finding: StoredFinding }) {
  const basis = ruleLegalBasis(finding.rule);
  return (
    <section aria-labelledby="giai-thich">
      <h2 id="giai-thich">Giải thích</h2>
      <p>{finding.explanation}</p>
      <table class="facts">
        <caption class="visually-hidden">Thông tin chính của phát hiện</caption>
        <tbody>
          <Fact label="Mức độ" cls={`sev-${finding.severity}`}>
            {SEVERITY_LABELS[finding.severity]}
          </Fact>
          <Fact label="Điểm tin cậy">{formatScore(finding.score)}</Fact>
          <Fact label="Số tiền có nguy cơ sai">{formatVnd(finding.amountAtRisk)}</Fact>
          <Fact label="Nhóm">{CATEGORY_LABELS[finding.category]}</Fact>
          <Fact label="Đối tượng">
            {finding.subject.name ?? '—'}
            {finding.subject.idNumber ? ` · ${finding.subject.idNumber}` : ''}
            {finding.subject.commune ? ` · ${finding.subject.commune}` : ''}
          </Fact>
          {basis ? <Fact label="Căn cứ pháp lý">{basis}</Fact> : null}
          <Fact label="Mã phát hiện">
            <code>{finding.id}</code> (quy tắc <code>{finding.rule}</code>)
          </Fact>
          {finding.resolvedByData ? <Fact label="Lượt chạy gần nhất">Không còn phát hiện này (dữ liệu đã được sửa)</Fact> : null}
        </tbody>
      </table>
    </section>
  );
}

function Chart({ finding }: { finding: StoredFinding }) {
  const svg = chartSvg(finding);
  if (!svg) return null;
  // An <img> with a data: URL never runs scripts an SVG might carry; inline SVG would.
  const src = `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
  return (
    <section aria-labelledby="bieu-do">
      <h2 id="bieu-do">Biểu đồ</h2>
      <figure class="chart">
        <img src={src} alt={`Biểu đồ của phát hiện “${ruleTitle(finding.rule)}”: ${finding.explanation}`} />
        <figcaption class="muted">Cột tô đỏ là đối tượng của phát hiện; các cột xám là nhóm so sánh.</figcaption>
      </figure>
    </section>
  );
}

function History({ finding, history }: { finding: StoredFinding; history: readonly FindingEvent[] }) {
  return (
    <section aria-labelledby="lich-su">
      <h2 id="lich-su">Lịch sử</h2>
      <p>
        Trạng thái hiện tại: <strong>{REVIEW_STATUS_LABELS[finding.status]}</strong>
        {finding.reviewer ? ` — ${finding.reviewer}, ${formatDateTime(finding.reviewedAt)}` : ''} (phiên bản {finding.version}).
      </p>
      {history.length === 0 ? (
        <p class="muted">Chưa có thay đổi trạng thái hay ghi chú nào.</p>
      ) : (
        <div class="table-wrap" role="region" aria-label="Lịch sử thay đổi" tabindex={0}>
          <table>
            <caption class="visually-hidden">Lịch sử thay đổi trạng thái và ghi chú</caption>
            <thead>
              <tr>
                <th scope="col">Thời gian</th>
                <th scope="col">Người thực hiện</th>
                <th scope="col">Thay đổi</th>
                <th scope="col">Ghi chú</th>
              </tr>
            </thead>
            <tbody>
              {history.map((event) => (
                <tr>
                  <td>{formatDateTime(event.at)}</td>
                  <td>{event.actor}</td>
                  <td>
                    {event.fromStatus === event.toStatus
                      ? `${REVIEW_STATUS_LABELS[event.toStatus]} (giữ nguyên)`
                      : `${REVIEW_STATUS_LABELS[event.fromStatus]} → ${REVIEW_STATUS_LABELS[event.toStatus]}`}
                  </td>
                  <td>{event.note ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function StatusForm({ c, audit, finding, draft }: { c: Context<AppEnv>; audit: AuditRow; finding: StoredFinding; draft: StatusDraft }) {
  return (
    <section aria-labelledby="xem-xet">
      <h2 id="xem-xet">Cập nhật trạng thái</h2>
      <form method="post" action={`/audits/${audit.id}/findings/${encodeURIComponent(finding.id)}`} class="panel">
        <CsrfField c={c} />
        <input type="hidden" name="version" value={String(finding.version)} />
        <div>
          <label for="status">Trạng thái</label>
          <select id="status" name="status">
            {REVIEW_STATUSES.map((s) => (
              <option value={s} selected={s === draft.status}>
                {REVIEW_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="note">Ghi chú</label>
          <textarea id="note" name="note" maxlength={2000}>
            {draft.note}
          </textarea>
        </div>
        <p>
          <button type="submit">Lưu</button>
        </p>
      </form>
    </section>
  );
}

function ConflictNotice({ finding, sentVersion }: { finding: StoredFinding; sentVersion: number }) {
  return (
    <div role="alert" class="notice error">
      <p>
        Chưa lưu: phát hiện này vừa được người khác thay đổi (phiên bản hiện tại {finding.version}, bạn sửa từ phiên bản {sentVersion}).
      </p>
      <p>
        Trạng thái hiện tại: {REVIEW_STATUS_LABELS[finding.status]}
        {finding.reviewer ? `, do ${finding.reviewer} cập nhật lúc ${formatDateTime(finding.reviewedAt)}` : ''}
        {finding.note ? `; ghi chú: “${finding.note}”` : ''}. Hãy xem lại rồi bấm “Lưu” nếu vẫn muốn thay đổi.
      </p>
    </div>
  );
}

/** The case page of one finding: explanation, source records side by side, chart, history, status form. */
export function CasePage(props: CasePageProps) {
  const { c, audit, finding } = props;
  const title = ruleTitle(finding.rule);
  const matches = matchesOf(finding.evidence);
  const draft: StatusDraft = props.conflict?.draft ?? { status: finding.status, note: finding.note ?? '' };
  return (
    <Layout
      c={c}
      title={`${title} — ${finding.subject.name ?? finding.id}`}
      crumbs={[
        { href: '/', label: 'Cuộc kiểm tra' },
        { href: `/audits/${audit.id}`, label: audit.name },
        { href: `/audits/${audit.id}/findings`, label: 'Phát hiện' },
      ]}
    >
      <h1>{title}</h1>
      <p class="muted">
        {finding.subject.name ?? 'Không rõ tên'}
        {finding.subject.commune ? ` · ${finding.subject.commune}` : ''} · {REVIEW_STATUS_LABELS[finding.status]}
      </p>
      {props.saved ? (
        <p role="status" class="notice ok">
          Đã lưu
        </p>
      ) : null}
      {props.conflict ? <ConflictNotice finding={finding} sentVersion={props.conflict.sentVersion} /> : null}
      <Explanation finding={finding} />
      <section aria-labelledby="ho-so">
        <h2 id="ho-so">Hồ sơ đối chiếu</h2>
        <SourceTable sources={props.sources} />
        {matches.length > 0 ? (
          <>
            <h3>Trọng số so khớp</h3>
            {matches.map((match, index) => (
              <MatchTable match={match} index={index} />
            ))}
          </>
        ) : null}
      </section>
      <Chart finding={finding} />
      <History finding={finding} history={props.history} />
      {props.canReview ? <StatusForm c={c} audit={audit} finding={finding} draft={draft} /> : null}
    </Layout>
  );
}
