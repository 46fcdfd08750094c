// Footer links that reopen the consent preferences (R1: withdrawing is as easy as consenting).
document.addEventListener('click', function (event) {
  var link = event.target.closest && event.target.closest('[data-open-consent]');
  if (!link) return;
  event.preventDefault();
  window.consentry.showPreferences();
});
