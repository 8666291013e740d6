/* Timeline Archive viewer: live updates, the overview brush, histories on demand.
   Everything from the server's JSON is written with textContent, never as HTML. */
(function () {
  "use strict";
  var live = document.getElementById("live");
  var statusBox = document.getElementById("live-status");
  var TEXT = JSON.parse(document.body.dataset.uiText || "{}");
  function say(key, values) {  /* the page's own words, from the interface-language catalogue */
    var text = (TEXT[key] || key);
    Object.keys(values || {}).forEach(function (name) { text = text.split("{" + name + "}").join(values[name]); });
    return text;
  }
  var TYPES = ["ArticleIngested", "EventExtracted", "EventCorrected", "EventRetracted",
    "EventsMerged", "MergeUndone", "StoryCreated", "EventAddedToStory", "EventRemovedFromStory"];

  function announce(text) {
    if (!statusBox) return;
    statusBox.textContent = text;
    statusBox.classList.add("shown");
    clearTimeout(announce.timer);
    announce.timer = setTimeout(function () { statusBox.classList.remove("shown"); }, 4000);
  }

  /* Histories: fetched from the API when a <details> is first opened. */
  function fillHistory(details) {
    if (details.dataset.loaded) return;
    details.dataset.loaded = "1";
    var list = details.querySelector(".history-list");
    fetch(details.dataset.src, { headers: { Accept: "application/json" } })
      .then(function (r) { return r.json(); })
      .then(function (entry) {
        (entry.history || []).forEach(function (item) {
          var li = document.createElement("li");
          var kind = document.createElement("span");
          kind.className = "history-type";
          kind.textContent = (TEXT.types && TEXT.types[item.type]) || item.type;
          li.appendChild(kind);
          var when = (item.recorded_at || "").slice(0, 16).replace("T", " ");
          var who = item.actor ? " " + say("by", { name: item.actor }) : "";
          li.appendChild(document.createTextNode(" " + when + who + ": "));
          var summary = document.createElement("span");
          summary.lang = "en";  /* the log's summaries are English */
          summary.textContent = item.summary;
          li.appendChild(summary);
          if (item.reason) li.appendChild(document.createTextNode(" (" + item.reason + ")"));
          list.appendChild(li);
        });
      })
      .catch(function () { details.dataset.loaded = ""; });
  }
  document.addEventListener("toggle", function (event) {
    var target = event.target;
    if (target.matches && target.matches("details.history") && target.open) fillHistory(target);
  }, true);

  /* On a phone the filters start folded (unless some are in use), so the timeline comes first. */
  var box = document.querySelector(".filters-box");
  if (box && !box.dataset.filtering && window.matchMedia("(max-width: 36rem)").matches) box.open = false;

  /* ?at=<date>: open the page at the entry nearest that date. */
  var jump = document.querySelector(".jump-nearest[data-open]");
  if (jump && !window.location.hash) {
    var target = document.querySelector(jump.getAttribute("href"));
    if (target) { target.scrollIntoView(); target.setAttribute("tabindex", "-1"); target.focus({ preventScroll: true }); }
  }

  /* The print button (hidden from print itself by the print stylesheet). */
  document.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest(".button-print")) window.print();
  });

  /* The overview strip: a click shows one bucket (a plain link); a drag zooms to a range. */
  var drag = null;
  function bucketAt(svg, clientX) {
    var buckets = svg.querySelectorAll(".bucket");
    var box = svg.getBoundingClientRect();
    var i = Math.floor((clientX - box.left) / box.width * buckets.length);
    return Math.max(0, Math.min(buckets.length - 1, i));
  }
  function drawBrush(svg, a, b) {
    var brush = svg.querySelector(".brush");
    brush.removeAttribute("hidden");
    brush.setAttribute("x", Math.min(a, b) * 10);
    brush.setAttribute("width", (Math.abs(b - a) + 1) * 10);
  }
  document.addEventListener("pointerdown", function (event) {
    var svg = event.target.closest && event.target.closest(".overview-chart");
    if (!svg || event.button !== 0) return;
    drag = { svg: svg, start: bucketAt(svg, event.clientX), end: null };
  });
  document.addEventListener("pointermove", function (event) {
    if (!drag) return;
    var i = bucketAt(drag.svg, event.clientX);
    if (i !== drag.start || drag.end !== null) { drag.end = i; drawBrush(drag.svg, drag.start, i); }
  });
  document.addEventListener("pointerup", function () {
    if (!drag) return;
    var d = drag;
    drag = null;
    if (d.end === null || d.end === d.start) return;
    var buckets = d.svg.querySelectorAll(".bucket");
    var lo = buckets[Math.min(d.start, d.end)], hi = buckets[Math.max(d.start, d.end)];
    var url = new URL(lo.getAttribute("href"), window.location.href);
    url.searchParams.set("to", hi.dataset.to);
    d.svg.dataset.dragged = "1";
    window.location.assign(url.toString());
  });
  document.addEventListener("click", function (event) {
    var svg = event.target.closest && event.target.closest(".overview-chart");
    if (svg && svg.dataset.dragged) { event.preventDefault(); }
  }, true);

  /* The strip takes one tab stop: arrows move between bars (Home/End to the ends), Shift+arrows
     mark a range, Enter zooms to the bar or the marked range. */
  var anchor = null;
  document.addEventListener("keydown", function (event) {
    var bar = event.target.closest && event.target.closest(".overview-chart .bucket");
    if (!bar) return;
    var svg = bar.closest(".overview-chart");
    var bars = Array.prototype.slice.call(svg.querySelectorAll(".bucket"));
    var i = bars.indexOf(bar), next = i;
    if (event.key === "ArrowRight" || event.key === "ArrowUp") next = Math.min(bars.length - 1, i + 1);
    else if (event.key === "ArrowLeft" || event.key === "ArrowDown") next = Math.max(0, i - 1);
    else if (event.key === "Home") next = 0;
    else if (event.key === "End") next = bars.length - 1;
    else if (event.key === "Enter" && anchor !== null && anchor !== i) {
      event.preventDefault();
      var lo = bars[Math.min(anchor, i)], hi = bars[Math.max(anchor, i)];
      var url = new URL(lo.getAttribute("href"), window.location.href);
      url.searchParams.set("to", hi.dataset.to);
      window.location.assign(url.toString());
      return;
    } else return;
    event.preventDefault();
    if (event.shiftKey) { if (anchor === null) anchor = i; drawBrush(svg, anchor, next); }
    else { anchor = null; svg.querySelector(".brush").setAttribute("hidden", ""); }
    bars[i].setAttribute("tabindex", "-1");
    bars[next].setAttribute("tabindex", "0");
    bars[next].focus();
  });

  /* Live updates: the server's stream says something changed; fetch the list again. */
  if (!live || live.dataset.live !== "on" || !window.EventSource) return;
  var pending = null;
  function refresh() {
    pending = null;
    var before = {};
    live.querySelectorAll(".entry").forEach(function (el) { before[el.dataset.id] = true; });
    var open = {};
    live.querySelectorAll("details[open]").forEach(function (el) {
      open[el.closest(".entry").dataset.id] = true;
    });
    fetch(live.dataset.fragment, { headers: { Accept: "text/html" } })
      .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
      .then(function (html) {
        live.innerHTML = html;  // our own server's escaped template output
        var added = 0;
        live.querySelectorAll(".entry").forEach(function (el) {
          if (!before[el.dataset.id]) { el.classList.add("new"); added += 1; }
          if (open[el.dataset.id]) { el.querySelector("details").open = true; }
        });
        if (added) announce(say(added === 1 ? "new_one" : "new_many", { n: added }));
      })
      .catch(function () { /* the next change will try again */ });
  }
  var source = new EventSource(live.dataset.stream + "?after=" + encodeURIComponent(live.dataset.after));
  TYPES.forEach(function (type) {
    source.addEventListener(type, function () {
      if (!pending) pending = setTimeout(refresh, 300);
    });
  });
})();
