// Material's search dialog has no accessible name; screen readers announce it as "Search".
document.querySelectorAll(".md-search[role=dialog]").forEach((dialog) => {
  dialog.setAttribute("aria-label", "Search");
});
