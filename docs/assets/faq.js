/* Copy-link buttons next to every question.
 *
 * build_faq.py gives each question heading a class "faq-question" and a
 * data-permalink attribute: the question's stable address, relative to the
 * page. This script adds a button that copies the absolute form of it and
 * says so in a live region, so screen readers hear the confirmation too.
 * Plain DOM code: it needs nothing from the theme. */
(function () {
  "use strict";

  // file:// and plain-http intranets have no async clipboard API, and a browser
  // may refuse it: then a hidden textarea and the copy command.
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext && window.location.protocol !== "file:") {
      return navigator.clipboard.writeText(text).catch(function () { return legacyCopy(text); });
    }
    return legacyCopy(text);
  }

  function legacyCopy(text) {
    return new Promise(function (resolve, reject) {
      var focused = document.activeElement;
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.top = "0";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      document.body.removeChild(area);
      if (focused && focused.focus) { focused.focus(); }  // keyboard users stay on the button
      if (ok) { resolve(); } else { reject(new Error("copy failed")); }
    });
  }

  window.faqCopyText = copyText;  // cite.js copies with it too

  function addButtons() {
    var headings = document.querySelectorAll(".faq-question[data-permalink]");
    Array.prototype.forEach.call(headings, function (heading) {
      if (heading.nextElementSibling && heading.nextElementSibling.classList.contains("faq-copy-bar")) { return; }
      var url = new URL(heading.getAttribute("data-permalink"), window.location.href).href;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "faq-copy";
      button.textContent = "Sao chép liên kết";
      button.setAttribute("data-url", url);
      button.setAttribute("aria-label", "Sao chép liên kết đến câu hỏi: " +
        (heading.firstChild ? heading.firstChild.textContent.trim() : ""));
      var status = document.createElement("span");
      status.className = "faq-copy-status";
      status.setAttribute("role", "status");
      status.setAttribute("aria-live", "polite");
      button.addEventListener("click", function () {
        copyText(url).then(function () {
          status.textContent = "Đã sao chép";
        }, function () {
          status.textContent = "Không sao chép được; liên kết: " + url;
        });
        window.setTimeout(function () { status.textContent = ""; }, 4000);
      });
      // A sibling, not a child: the heading's accessible name stays the question.
      var bar = document.createElement("div");
      bar.className = "faq-copy-bar";
      bar.appendChild(button);
      bar.appendChild(status);
      heading.insertAdjacentElement("afterend", bar);
    });
  }

  // A wide table scrolls sideways inside the theme's wrapper. A keyboard user
  // can scroll it only if it takes focus (WCAG 2.1.1; axe's
  // scrollable-region-focusable), so a wrapper that overflows becomes a
  // focusable region named after the section it is in; one that fits does not
  // add a Tab stop. Re-checked when the window is resized.
  function sectionName(element) {
    var name = "";
    var headings = document.querySelectorAll(".md-content h1, .md-content h2, .md-content h3, .md-content h4");
    Array.prototype.forEach.call(headings, function (heading) {
      if (heading.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING) {
        name = heading.firstChild ? heading.firstChild.textContent.trim() : "";
      }
    });
    return name;
  }

  function makeWideTablesScrollable() {
    var wrappers = document.querySelectorAll(".md-typeset__scrollwrap");
    Array.prototype.forEach.call(wrappers, function (wrapper) {
      var overflows = wrapper.scrollWidth > wrapper.clientWidth + 1;
      if (overflows && !wrapper.hasAttribute("tabindex")) {
        var name = sectionName(wrapper);
        wrapper.setAttribute("tabindex", "0");
        wrapper.setAttribute("role", "region");
        wrapper.setAttribute("aria-label", "Bảng cuộn ngang" + (name ? ": " + name : ""));
        wrapper.setAttribute("data-faq-scrollable", "");
      } else if (!overflows && wrapper.hasAttribute("data-faq-scrollable")) {
        ["tabindex", "role", "aria-label", "data-faq-scrollable"].forEach(function (attribute) {
          wrapper.removeAttribute(attribute);
        });
      }
    });
  }

  var resizeTimer = null;
  window.addEventListener("resize", function () {
    window.clearTimeout(resizeTimer);
    resizeTimer = window.setTimeout(makeWideTablesScrollable, 150);
  });

  function setUp() {
    addButtons();
    makeWideTablesScrollable();
    // The theme's search dialog has no accessible name.
    var search = document.querySelector('.md-search[role="dialog"]');
    if (search && !search.hasAttribute("aria-label")) {
      search.setAttribute("aria-label", "Tìm kiếm");
    }
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setUp);  // re-run after instant navigation
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
