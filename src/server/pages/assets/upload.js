// An sinh Audit — live upload progress: polls /api/uploads/:id about every 700 ms for each file
// on the page, moves its progress bar and status line, and reloads the page once every file is
// finished (the server then renders the summary and any errors). Without script, a meta refresh does it.
(function () {
  'use strict';
  var sections = Array.prototype.slice.call(document.querySelectorAll('[data-upload-job]'));
  if (sections.length === 0) return;
  var numberFormat = new Intl.NumberFormat('vi-VN');

  function text(job) {
    var counts = job.counts || {};
    var percent = Math.floor(job.progress * 100) + '%';
    if (job.status === 'done') return 'Đã nạp — ' + numberFormat.format(counts.rowsRead || 0) + ' dòng dữ liệu';
    if (job.status === 'failed') return 'Lỗi';
    if (job.status === 'running' && typeof counts.rowsRead === 'number') {
      var expected = typeof counts.rowsExpected === 'number' ? ' / ~' + numberFormat.format(counts.rowsExpected) : '';
      return 'Đang nạp — ' + numberFormat.format(counts.rowsRead) + expected + ' dòng (' + percent + ')';
    }
    return (job.status === 'queued' ? 'Đang chờ' : 'Đang nạp') + ' (' + percent + ')';
  }

  function update(section, job) {
    var bar = section.querySelector('progress');
    var line = section.querySelector('[data-job-text]');
    if (bar) {
      bar.value = job.progress;
      bar.textContent = Math.floor(job.progress * 100) + '%';
    }
    if (line) line.textContent = text(job);
    section.setAttribute('data-status', job.status);
  }

  function finished(section) {
    var status = section.getAttribute('data-status');
    return status === 'done' || status === 'failed';
  }

  function poll() {
    var pending = sections.filter(function (s) { return !finished(s); });
    if (pending.length === 0) {
      window.location.reload();
      return;
    }
    Promise.all(pending.map(function (section) {
      return fetch('/api/uploads/' + encodeURIComponent(section.getAttribute('data-upload-job')), {
        credentials: 'same-origin',
        headers: { Accept: 'application/json' },
      })
        .then(function (res) { return res.ok ? res.json() : null; })
        .then(function (job) { if (job) update(section, job); })
        .catch(function () { /* a failed poll is retried on the next tick */ });
    })).then(function () { window.setTimeout(poll, 700); });
  }

  window.setTimeout(poll, 700);
})();
