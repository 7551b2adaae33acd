/** Vietnamese names of the statuses of runs and background jobs. */
export const RUN_STATUS_LABELS: Readonly<Record<string, string>> = {
  queued: 'Đang chờ',
  running: 'Đang chạy',
  done: 'Hoàn tất',
  failed: 'Lỗi',
};

export function runStatusLabel(status: string): string {
  return RUN_STATUS_LABELS[status] ?? status;
}
