// An sinh Audit — progressive enhancements only; every page works without this script.
// Confirms destructive form submissions marked data-confirm="message".
document.addEventListener('submit', (event) => {
  const form = event.target;
  if (form instanceof HTMLFormElement && form.dataset.confirm && !window.confirm(form.dataset.confirm)) event.preventDefault();
});
