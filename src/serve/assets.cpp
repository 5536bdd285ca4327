// The desk's style sheet and its small keyboard script. Both are served from
// /static/, so the Content-Security-Policy can forbid inline code.
#include "serve/pages.hpp"

namespace contra::detail {

namespace {

constexpr std::string_view k_css = R"css(:root { color-scheme: light; --ink: #1c1c21; --muted: #5d5d68; --line: #d9d9df;
  --band: #f3f3f6; --error: #a3131c; --warning: #8a5a00; --info: #22577a; --ok: #1f6b3a; --mark: #fff0a8; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 "Helvetica Neue", Arial, sans-serif; color: var(--ink); }
header.bar { display: flex; gap: 1.5rem; align-items: center; padding: .6rem 1.5rem; background: var(--ink); color: #fff; }
header.bar a { color: #fff; text-decoration: none; }
header.bar .home { font-weight: 700; }
header.bar nav a { margin-right: 1rem; }
header.bar .who { margin-left: auto; font-size: .9rem; }
main { max-width: 78rem; margin: 1.5rem auto; padding: 0 1.5rem; }
footer { max-width: 78rem; margin: 2rem auto; padding: 0 1.5rem; color: var(--muted); font-size: .8rem; }
h1 { font-size: 1.6rem; margin: .2rem 0 .4rem; }
h2 { font-size: 1.1rem; margin: 1.2rem 0 .5rem; }
code, kbd, .pin { font-family: Menlo, Consolas, monospace; font-size: .85em; }
.meta, .crumbs { color: var(--muted); font-size: .9rem; margin: 0 0 .8rem; }
.message { font-size: 1.05rem; background: var(--band); padding: .5rem .8rem; border-left: 4px solid var(--ink); }
.empty { color: var(--muted); font-style: italic; }
table.list { border-collapse: collapse; width: 100%; font-size: .9rem; }
table.list th, table.list td { border-bottom: 1px solid var(--line); padding: .4rem .5rem; text-align: left; vertical-align: top; }
table.list th { background: var(--band); }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.hot { font-weight: 700; color: var(--error); }
tr.stale { color: var(--muted); }
tr.current { outline: 2px solid var(--info); background: #eef5fb; }
.filters { display: flex; flex-wrap: wrap; gap: .8rem; align-items: end; margin: .8rem 0; font-size: .9rem; }
.severity, .status { display: inline-block; padding: 0 .4rem; border-radius: 3px; font-size: .75rem;
  font-weight: 700; text-transform: uppercase; letter-spacing: .03em; border: 1px solid currentColor; }
.severity-error { color: var(--error); } .severity-warning { color: var(--warning); } .severity-info { color: var(--info); }
.status-open { color: var(--error); } .status-needs-info { color: var(--warning); }
.status-confirmed { color: var(--ok); } .status-dismissed { color: var(--muted); }
.accounts { display: grid; grid-template-columns: repeat(auto-fit, minmax(20rem, 1fr)); gap: 1rem; }
.account { border: 1px solid var(--line); border-radius: 4px; padding: .6rem .9rem; }
.account h2 { margin-top: 0; }
.stake { font-size: .75rem; font-weight: 400; color: var(--muted); }
.stake-party { color: var(--error); }
.says { font-weight: 700; margin: 0 0 .4rem; }
blockquote.context { margin: 0; padding: .5rem .7rem; background: var(--band); font-family: Georgia, serif;
  white-space: pre-wrap; }
mark { background: var(--mark); padding: 0 .1rem; }
.doc { font-size: .85rem; color: var(--muted); }
.decide textarea { width: 100%; max-width: 48rem; display: block; font: inherit; }
.buttons button, form button { font: inherit; padding: .3rem .8rem; cursor: pointer; }
.notice { padding: .5rem .8rem; border-left: 4px solid var(--info); background: #eef5fb; }
.notice.error, .notice.conflict { border-left-color: var(--error); background: #fbeeee; }
.notice.done { border-left-color: var(--ok); background: #eef8f1; }
.note { margin: .2rem 0 .4rem; padding-left: .6rem; border-left: 2px solid var(--line); white-space: pre-wrap; }
ol.reviews li { margin-bottom: .4rem; }
.doctext { white-space: pre-wrap; font-family: Georgia, serif; font-size: 1rem; max-width: 48rem; line-height: 1.6; }
.doctext mark:target { outline: 2px solid var(--info); }
.refs { font-family: "Helvetica Neue", Arial, sans-serif; font-size: .7rem; }
.refs.none { color: var(--muted); }
.ctl { font-family: Menlo, Consolas, monospace; font-size: .75em; color: var(--error); }
form.inline { display: inline; }
button.link { background: none; border: none; color: #fff; text-decoration: underline; padding: 0; font: inherit; cursor: pointer; }
label { display: inline-block; margin-right: .4rem; }
)css";

// j/k move through the rows of a list (Enter opens the current one); on a
// flag page c and d press Confirm and Dismiss. Keys typed into a field are
// left alone.
constexpr std::string_view k_js = R"js("use strict";
(function () {
  var current = -1;
  function rows() { return Array.prototype.slice.call(document.querySelectorAll("tr.row")); }
  function mark(list, index) {
    list.forEach(function (row) { row.classList.remove("current"); });
    if (index < 0 || index >= list.length) return;
    current = index;
    list[index].classList.add("current");
    list[index].scrollIntoView({ block: "nearest" });
    var link = list[index].querySelector("a");
    if (link) link.focus();
  }
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
    var list = rows();
    if (event.key === "j" && list.length) { mark(list, Math.min(current + 1, list.length - 1)); event.preventDefault(); }
    else if (event.key === "k" && list.length) { mark(list, Math.max(current - 1, 0)); event.preventDefault(); }
    else if (event.key === "c" || event.key === "d") {
      var button = document.querySelector("#decision button[data-key='" + event.key + "']");
      if (button) { event.preventDefault(); button.click(); }
    }
  });
})();
)js";

}  // namespace

std::string_view desk_css()
{
    return k_css;
}

std::string_view desk_js()
{
    return k_js;
}

}  // namespace contra::detail
