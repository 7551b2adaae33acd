// An sinh Audit — live progress of a background job: polls the JSON URL in data-poll-url once a
// second, moves the <progress> bar, and reloads the page (which the server renders finished) when
// the job is done or failed. Without JavaScript the page refreshes itself (<noscript> meta refresh).
(function () {
  const box = document.querySelector('[data-poll-url]');
  if (!box) return;
  const bar = box.querySelector('progress');
  const status = box.querySelector('[data-status]');
  const labels = { queued: 'Đang chờ', running: 'Đang chạy', done: 'Hoàn tất', failed: 'Lỗi' };
  let last = '';
  async function tick() {
    try {
      const res = await fetch(box.dataset.pollUrl, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
      if (res.ok) {
        const job = await res.json();
        if (bar && typeof job.progress === 'number') bar.value = job.progress;
        if (job.status === 'done' || job.status === 'failed') {
          window.location.reload();
          return;
        }
        // The status region changes only when the status does, so screen readers are not flooded.
        if (status && job.status !== last) status.textContent = labels[job.status] || job.status;
        last = job.status;
      }
    } catch (error) {
      // A dropped request is retried on the next tick.
    }
    window.setTimeout(tick, 1000);
  }
  window.setTimeout(tick, 1000);
})();
