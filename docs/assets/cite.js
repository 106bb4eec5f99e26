/* "Sao chép trích dẫn": copy a citation as officials write it.
 *
 * build_faq.py renders, after each question heading and each section of the
 * plan pages, an empty <div class="faq-cite"> whose data-cite holds the
 * citation (the plan as it identifies itself, the section, the quoted words)
 * and whose data-href holds the stable link, relative to the page. Nothing
 * here knows a plan: the text comes from the build. The button copies the
 * citation, then the absolute link on its own line.
 *
 * Beside "Sao chép liên kết" (faq.js, loaded first) when there is one, else in
 * the element itself. A real <button>: Tab reaches it, Enter and Space press it.
 * Copies with faq.js's copyText, which also works over file://. */
(function () {
  "use strict";

  var copyText = window.faqCopyText;  // faq.js, loaded first

  function headingBefore(element) {
    var node = element.previousElementSibling;
    while (node && !/^H[1-6]$/.test(node.tagName)) {
      if (!node.classList.contains("faq-copy-bar")) { return null; }
      node = node.previousElementSibling;
    }
    return node;
  }

  function addButton(holder) {
    if (holder.hasAttribute("data-cite-ready")) { return; }
    holder.setAttribute("data-cite-ready", "");
    var link = new URL(holder.getAttribute("data-href"), window.location.href).href;
    var text = holder.getAttribute("data-cite") + "\n" + link;
    var heading = headingBefore(holder);
    var name = heading && heading.firstChild ? heading.firstChild.textContent.trim() : "";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "faq-copy-cite";  // not "faq-copy": that is the copy-link button, one per question
    button.textContent = "Sao chép trích dẫn";
    button.setAttribute("aria-label", "Sao chép trích dẫn" + (name ? ": " + name : ""));
    var bar = heading && heading.nextElementSibling && heading.nextElementSibling.classList.contains("faq-copy-bar")
      ? heading.nextElementSibling : null;
    // One live region per bar: the copy-link button's, when there is one.
    var status = bar ? bar.querySelector("[role=status]") : null;
    if (!status) {
      status = document.createElement("span");
      status.className = "faq-copy-status";
      status.setAttribute("role", "status");
      status.setAttribute("aria-live", "polite");
    }
    button.addEventListener("click", function () {
      copyText(text).then(function () {
        status.textContent = "Đã sao chép trích dẫn";
      }, function () {
        status.textContent = "Không sao chép được; hãy chọn và chép: " + text;
      });
      window.setTimeout(function () { status.textContent = ""; }, 4000);
    });
    if (bar) {
      bar.insertBefore(button, status.parentNode === bar ? status : null);
    } else {
      holder.classList.add("faq-copy-bar");
      holder.appendChild(button);
      holder.appendChild(status);
    }
  }

  function setUp() {
    Array.prototype.forEach.call(document.querySelectorAll(".faq-cite[data-cite]"), addButton);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setUp);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
