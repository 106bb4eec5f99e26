/* Marks past deadlines against the reader's own date, in the browser, so that
   builds stay byte-identical. A deadline "trong tháng 8/2025" (data-due="2025-08")
   is past once that month is over on this device's clock. It says nothing about
   whether the duty was done. */
(function () {
  "use strict";
  function mark(root) {
    var now = new Date();
    var spans = root.querySelectorAll(".duty-when[data-due]");
    for (var i = 0; i < spans.length; i++) {
      var el = spans[i];
      if (el.getAttribute("data-marked")) continue;
      var m = /^(\d{4})-(\d{2})$/.exec(el.getAttribute("data-due"));
      if (!m) continue;
      var end = new Date(+m[1], +m[2], 1);  // first day of the month after
      if (now >= end) {
        var badge = document.createElement("span");
        badge.className = "duty-past";
        badge.textContent = "đã qua thời hạn";
        badge.title = "So với ngày trên máy của bạn; không cho biết việc đã làm hay chưa.";
        el.parentNode.insertBefore(badge, el.nextSibling);
      }
      el.setAttribute("data-marked", "1");
    }
  }
  function run() { mark(document); }
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(run);  // Material's instant navigation
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", run);
  } else {
    run();
  }
})();
