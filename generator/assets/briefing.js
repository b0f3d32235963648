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
  sourceSearch(document.getElementById("briefing-source-search"));
}

// The Sources page's full-text search: Pagefind's interface, loaded on first use.
function sourceSearch(box) {
  if (!box || box.dataset.ready) return;
  box.dataset.ready = "yes";
  const bundle = box.dataset.bundle;
  const start = () => {
    new PagefindUI({
      element: "#briefing-source-search",
      bundlePath: bundle,
      showImages: false,
      showSubResults: true,
      translations: { placeholder: "Search the text of every source" },
    });
    // The section heading above the box is the field's visible label.
    box.querySelector("input")?.setAttribute("aria-labelledby", "search-the-sources");
  };
  if (window.PagefindUI) return start();
  const style = document.createElement("link");
  style.rel = "stylesheet";
  style.href = bundle + "pagefind-ui.css";
  const script = document.createElement("script");
  script.src = bundle + "pagefind-ui.js";
  script.onload = start;
  document.head.append(style, script);
}
// Material's citation previews are dialogs without a name: name each as it opens.
new MutationObserver(() => {
  document.querySelectorAll(".md-tooltip2[role=dialog]:not([aria-label])").forEach((preview) => {
    preview.setAttribute("aria-label", "Preview of the cited paragraph");
  });
}).observe(document.body, { childList: true });
if (window.document$) {
  window.document$.subscribe(briefingPage);
} else {
  briefingPage();
}
