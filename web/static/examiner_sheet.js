// Examiner score sheet (F12): the 0 and full-mark buttons beside each checklist line fill its
// field, so a tablet user taps instead of typing. The form works without this script.
document.addEventListener('click', (e) => {
  const b = e.target.closest('button.tap');
  if (!b) return;
  const input = document.getElementById(b.dataset.for);
  if (input && !input.disabled) input.value = b.dataset.value;
});
