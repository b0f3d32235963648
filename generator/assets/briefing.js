// Runs on every page, also after Material's instant navigation swaps the content.
function briefingPage() {
  // Material's search dialog has no accessible name; screen readers announce it as "Search".
  document.querySelectorAll(".md-search[role=dialog]").forEach((dialog) => {
    dialog.setAttribute("aria-label", "Search");
  });
  // Links that leave the site print their address; the briefing's own links do not.
  document.querySelectorAll(".md-content a[href]").forEach((link) => {
    if (link.host && link.host !== location.host) link.classList.add("briefing-external");
  });
}
if (window.document$) {
  window.document$.subscribe(briefingPage);
} else {
  briefingPage();
}
