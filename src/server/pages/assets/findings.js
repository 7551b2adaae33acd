// Findings list — optional enhancement: a "select all on this page" checkbox for the bulk form.
document.addEventListener('DOMContentLoaded', () => {
  const cell = document.querySelector('th[data-select-all]');
  if (!cell) return;
  const boxes = Array.from(document.querySelectorAll('input[type=checkbox][name=ids]'));
  const all = document.createElement('input');
  all.type = 'checkbox';
  all.setAttribute('aria-label', 'Chọn tất cả các dòng trên trang');
  cell.replaceChildren(all);
  all.addEventListener('change', () => boxes.forEach((box) => (box.checked = all.checked)));
  boxes.forEach((box) => box.addEventListener('change', () => (all.checked = boxes.every((b) => b.checked))));
});
