// Live tally for the dashboard and the overlay: listens to the page's Server-Sent Events (at most
// one a second) and writes the new counts into the page; draws the page anew only when theses or
// platforms were added. No inline script: the Content-Security-Policy forbids it.
(function () {
  'use strict';
  var root = document.querySelector('[data-events]');
  if (!root || !window.EventSource) { return; }
  var status = document.getElementById('live-status');
  var updates = 0;
  var source = new EventSource(root.getAttribute('data-events'));

  function set(id, text) {
    var element = document.getElementById(id);
    if (element) { element.textContent = String(text); }
  }

  source.addEventListener('open', function () {
    if (status) { status.textContent = status.getAttribute('data-live'); }
  });
  source.addEventListener('error', function () {
    if (status) { status.textContent = status.getAttribute('data-lost'); }
  });
  source.addEventListener('tally', function (event) {
    var tally = JSON.parse(event.data);
    if (tally.shape !== root.getAttribute('data-shape')) {
      window.location.reload();
      return;
    }
    tally.theses.forEach(function (thesis) {
      var id = 't' + thesis.number;
      set(id + '-voters', thesis.voters);
      var state = document.getElementById(id + '-state');
      if (state && root.hasAttribute('data-open')) { state.textContent = thesis.open ? root.getAttribute('data-open') : root.getAttribute('data-closed'); }
      thesis.options.forEach(function (option, i) {
        set(id + '-o' + i + '-votes', option.votes);
        set(id + '-o' + i + '-pct', option.percent + '%');
        var bar = document.getElementById(id + '-o' + i + '-bar');
        if (bar) { bar.value = option.percent; }
      });
      thesis.platforms.forEach(function (platform) {
        platform.counts.forEach(function (count, i) { set(id + '-' + platform.platform + '-' + i, count); });
      });
    });
    updates += 1;
    root.setAttribute('data-updates', String(updates));
  });
})();
