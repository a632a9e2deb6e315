// Live tally for the dashboard and the overlay: listens to the page's Server-Sent Events (at most
// one a second) and writes the new counts into the page (a debate's rounds, shift and verdict, the
// hosts' stance too); draws the page anew only when theses or
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
      set(id + '-stance', thesis.stance);
      var debate = thesis.debate;
      if (debate) {
        set(id + '-round', debate.roundName);
        set(id + '-verdict', debate.verdict);
        set(id + '-before-voters', debate.before.voters);
        set(id + '-after-voters', debate.after.voters);
        debate.before.options.forEach(function (option, i) {
          set(id + '-b' + i, option.percent + '% (' + option.votes + ')');
          set(id + '-s' + i, debate.points[i]);
          set(id + '-o' + i + '-change', debate.changes[i]);
        });
        debate.after.options.forEach(function (option, i) {
          set(id + '-a' + i, option.percent + '% (' + option.votes + ')');
        });
        // the overlay shows where each option started, and the verdict, once both rounds are over
        var decided = [id + '-verdict'].concat(debate.changes.map(function (change, i) { return id + '-o' + i + '-change'; }));
        decided.forEach(function (decidedId) {
          var element = document.getElementById(decidedId);
          if (element && element.classList.contains('decided')) { element.hidden = !debate.decided; }
        });
      }
      thesis.platforms.forEach(function (platform) {
        platform.counts.forEach(function (count, i) { set(id + '-' + platform.platform + '-' + i, count); });
      });
    });
    updates += 1;
    root.setAttribute('data-updates', String(updates));
  });
})();
