// Progressive enhancement of the secretary's count of an open vote (Templates/meetings/ballot.mustache):
// every few seconds, fetch the count fragment (who has voted, never how) and put it in place of the old one.
// Without JavaScript the "Refresh the count" link does the same. No inline script: the CSP allows only 'self'.
(function () {
  "use strict";
  var every = 5000;
  function refresh(element) {
    var href = element.getAttribute("data-count-href");
    if (!href) { return; }
    fetch(href, { credentials: "same-origin", headers: { "Accept": "text/html" } })
      .then(function (response) {
        if (!response.ok) { throw new Error("closed"); }
        return response.text();
      })
      .then(function (html) {
        // The fragment is rendered and escaped by the server's template; parse it, never evaluate it.
        var parsed = new DOMParser().parseFromString(html, "text/html").querySelector(".ballot-count");
        if (!parsed) { return; }
        element.replaceWith(parsed);
        window.setTimeout(function () { refresh(parsed); }, every);
      })
      .catch(function () { /* the vote closed or the network failed: the link still refreshes the page */ });
  }
  document.querySelectorAll(".ballot-count[data-count-href]").forEach(function (element) {
    window.setTimeout(function () { refresh(element); }, every);
  });
})();
