import type { AuditRow, JobRow, StoredFinding, UserRow } from '../../store/index.js';

/** The API's JSON shapes of stored rows (see ../schemas.ts). */

export function presentAudit(a: AuditRow) {
  return { id: a.id, name: a.name, area: a.area, package: a.packageId, createdBy: a.createdBy, createdAt: a.createdAt };
}

export function presentUploadJob(j: JobRow) {
  return {
    id: j.id,
    auditId: j.auditId,
    file: j.file,
    role: j.role,
    status: j.status,
    progress: j.progress,
    counts: j.counts,
    errors: j.errors,
    uploadId: j.resultId,
    createdBy: j.createdBy,
    createdAt: j.createdAt,
    finishedAt: j.finishedAt,
  };
}

export function presentRunJob(j: JobRow) {
  return {
    id: j.id,
    auditId: j.auditId,
    status: j.status,
    progress: j.progress,
    counts: j.counts,
    errors: j.errors,
    runId: j.resultId,
    createdBy: j.createdBy,
    createdAt: j.createdAt,
    finishedAt: j.finishedAt,
  };
}

export function presentFinding(f: StoredFinding) {
  return {
    id: f.id,
    auditId: f.auditId,
    rule: f.rule,
    category: f.category,
    severity: f.severity,
    score: f.score,
    amountAtRisk: f.amountAtRisk,
    subject: f.subject,
    records: f.records,
    explanation: f.explanation,
    evidence: f.evidence,
    status: f.status,
    version: f.version,
    note: f.note,
    reviewer: f.reviewer,
    reviewedAt: f.reviewedAt,
    resolvedByData: f.resolvedByData,
  };
}

export function presentUser(u: UserRow) {
  return { id: u.id, username: u.username, role: u.role, area: u.area, disabled: u.disabled, createdAt: u.createdAt, updatedAt: u.updatedAt };
}
