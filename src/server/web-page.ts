/** The web page at `/`: one self-contained file (no CDN, no build step) over the same HTTP API. */
export const WEB_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>coach: interview answer coach</title><link rel="icon" href="data:,">
<style>
:root{--ink:#1b1f24;--muted:#5b6470;--line:#d5dae1;--accent:#2b5fa8;--s:#e8f0fe;--t:#fef3c7;--a:#dcfce7;--r:#fce7f3;--l:#ede9fe}
*{box-sizing:border-box}[hidden]{display:none!important}body{margin:0;overflow-wrap:anywhere;font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--ink);background:#f6f7f9}
header{padding:.8rem 1.2rem;background:#fff;border-bottom:1px solid var(--line)}header h1{margin:0;font-size:1.2rem}header p{margin:.2rem 0 0;color:var(--muted);font-size:.9rem}
main{display:grid;grid-template-columns:minmax(0,1.3fr) minmax(0,1fr);gap:1rem;padding:1rem;max-width:1300px;margin:0 auto}
section{background:#fff;border:1px solid var(--line);border-radius:8px;padding:1rem;min-width:0}h2{margin:0 0 .6rem;font-size:1.05rem}
#log{height:420px;overflow-y:auto;border:1px solid var(--line);border-radius:6px;padding:.6rem;background:#fbfcfd}
.msg{margin:.4rem 0;white-space:pre-wrap;word-wrap:break-word}.msg.user{color:var(--accent);font-weight:600}.msg.coach{color:var(--ink)}
form{display:flex;gap:.5rem;margin-top:.6rem;flex-wrap:wrap}input[type=text],input[type=password],textarea{flex:1;min-width:0;font:inherit;padding:.5rem;border:1px solid var(--line);border-radius:6px}
textarea{width:100%;min-height:7rem}button{font:inherit;padding:.5rem .9rem;border:0;border-radius:6px;background:var(--accent);color:#fff;cursor:pointer}
button:focus-visible,input:focus-visible,textarea:focus-visible,summary:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}
ul{padding-left:1.1rem;margin:.4rem 0}li{margin:.15rem 0}.muted{color:var(--muted);font-size:.9rem}
.part-situation{background:var(--s)}.part-task{background:var(--t)}.part-action{background:var(--a)}.part-result{background:var(--r)}.part-lesson{background:var(--l)}
.legend span{display:inline-block;padding:0 .4rem;margin-right:.3rem;border-radius:4px;font-size:.85rem}
#highlighted{border:1px solid var(--line);border-radius:6px;padding:.6rem;white-space:pre-wrap;margin:.6rem 0}
.bars div{display:flex;align-items:center;gap:.5rem;font-size:.9rem}.bars i{display:block;height:.7rem;background:var(--accent);border-radius:3px}
#critique-form{flex-direction:column}#critique-form button{align-self:flex-start}
#chat-input{width:auto;min-height:2.6rem;resize:vertical}button:disabled{opacity:.6;cursor:progress}
button{flex:none;overflow-wrap:normal}button.secondary{background:#fff;color:var(--accent);border:1px solid var(--accent);padding:.25rem .6rem;font-size:.9rem}
.title-row{display:flex;justify-content:space-between;align-items:center;gap:.5rem}.title-row h2{margin:0}.title-row{margin-bottom:.6rem}
.msg.waiting{color:var(--muted);font-style:italic}.msg.failed{color:#9a3412}
#banks{list-style:none;padding:0}#banks li{display:flex;justify-content:space-between;align-items:center;gap:.5rem;padding:.3rem 0;border-bottom:1px solid var(--line)}
#critique-result[data-error] .on-success{display:none}
#bank-errors,#server-down{color:#9a3412;background:#fff7ed;border:1px solid #fdba74;border-radius:6px;padding:.4rem .6rem .4rem 1.5rem}#server-down{margin:.5rem 0 0;padding-left:.6rem}
@media (max-width:820px){main{grid-template-columns:1fr}#log{height:320px}}
</style></head><body>
<header><h1>coach</h1><p>Find the story that fits, critique your answer, practise a mock interview. Offline unless you configured a provider.</p>
<form id="token-form" hidden><label id="token-status" for="token-input" class="muted" style="width:100%"></label><input id="token-input" type="password" autocomplete="off" placeholder="Access token"><button type="submit">Use token</button></form>
<p id="server-down" role="alert" hidden></p></header>
<main>
<section aria-labelledby="chat-title"><div class="title-row"><h2 id="chat-title">Coach</h2><button type="button" id="new-chat" class="secondary">New conversation</button></div>
<div id="log" role="log" aria-live="polite" aria-label="Conversation"><div id="history"></div></div>
<form id="chat-form"><label class="muted" for="chat-input" style="width:100%">Ask "which story for: …", say "interview me on Ownership", or paste an answer. Enter sends; Shift+Enter starts a new line.</label>
<textarea id="chat-input" rows="2" autocomplete="off" placeholder="Message the coach"></textarea><button type="submit">Send</button></form>
</section>
<div style="display:grid;gap:1rem;min-width:0">
<section aria-labelledby="bank-title"><h2 id="bank-title">Story bank</h2>
<p id="bank-sample" class="muted" hidden>The coach is using its bundled sample bank: the stories of Jordan Okafor, a fictional engineer, to try it with. Upload your own bank to use your stories instead; it replaces the sample.</p>
<ul id="banks" aria-label="Banks the coach uses"></ul>
<form id="bank-form"><label for="bank-file" class="muted">Upload a markdown or JSON bank</label><input id="bank-file" type="file" accept=".md,.markdown,.txt,.json"><button type="submit">Upload</button></form>
<p id="bank-status" class="muted" role="status"></p>
<details id="bank-warnings-box" hidden><summary>Warnings from the upload (<span id="bank-warning-count">0</span>)</summary><ul id="bank-warnings"></ul></details>
<ul id="bank-errors" role="alert" hidden></ul>
<details><summary>Stories (<span id="story-count">0</span>)</summary><ul id="stories"></ul></details>
<details><summary>Coverage by principle</summary><ul id="coverage"></ul></details>
</section>
<section aria-labelledby="critique-title"><h2 id="critique-title">Critique an answer</h2>
<form id="critique-form"><input id="critique-question" type="text" aria-label="Interview question" placeholder="Interview question, e.g. Tell me about a time you solved a hard problem.">
<textarea id="critique-answer" aria-label="Your answer" placeholder="Paste your drafted answer"></textarea><button type="submit">Critique</button></form>
<p id="critique-status" class="muted" role="status"></p>
<div id="critique-result" hidden><p class="legend on-success"><span class="part-situation">Situation</span><span class="part-task">Task</span><span class="part-action">Action</span><span class="part-result">Result</span><span class="part-lesson">Lesson</span></p>
<div id="highlighted" class="on-success"></div><p id="score"></p><div class="bars on-success" id="breakdown"></div><div class="on-success"><h3 style="font-size:1rem">Issues</h3><ul id="issues"></ul><h3 style="font-size:1rem">An interviewer would ask</h3><ul id="followups"></ul></div><div id="coaching" hidden><h3 style="font-size:1rem">Coaching</h3><ul id="coaching-notes"></ul><h3 style="font-size:1rem">An improved answer</h3><p id="improved" class="muted"></p></div></div>
</section></div></main>
<script>
const $ = (id) => document.getElementById(id);
let sessionId = localStorage.getItem("coach-session") || undefined;
const esc = (text) => text.replace(/[&<>"']/g, (c) => "&#" + c.charCodeAt(0) + ";");
// Every API call goes through here: once the server asks for its token (401), the page asks the user, keeps it for this tab
// (sessionStorage, never the URL) and sends it as Authorization on every call, the chat stream too.
const TOKEN_KEY = "coach-token";
let tokenAsked;
async function request(path, options = {}) {
  for (;;) {
    const token = sessionStorage.getItem(TOKEN_KEY);
    const headers = { "content-type": "application/json", ...(token ? { authorization: "Bearer " + token } : {}), ...options.headers };
    let response;
    try { response = await fetch(path, { ...options, headers }); } catch { throw serverGone(); }
    serverAnswered();
    if (response.status !== 401) return response;
    // Sent with a token since replaced: try again with the new one before asking.
    if (sessionStorage.getItem(TOKEN_KEY) === token) await askForToken(token !== null);
  }
}
// A fetch that fails outright means the server is not there (stopped, restarted on another port): say so in words,
// in a banner that stays until it answers again, rather than the browser's "Failed to fetch".
const SERVER_GONE = "the coach server cannot be reached: is coach serve still running?";
function serverGone() {
  $("server-down").textContent = "Cannot reach the coach server at " + location.host + ". Is coach serve still running? Start it again; this page reconnects by itself.";
  $("server-down").hidden = false;
  return new Error(SERVER_GONE);
}
function serverAnswered() { $("server-down").hidden = true; }
function askForToken(refused) {
  // One question at a time, however many calls wait on the answer.
  tokenAsked = tokenAsked || new Promise((resolve) => {
    $("token-status").textContent = refused ? "That token was refused; enter the server's token (COACH_TOKEN)." : "This server needs its access token (COACH_TOKEN).";
    $("token-form").hidden = false; $("token-input").focus();
    $("token-form").onsubmit = (event) => {
      event.preventDefault(); const token = $("token-input").value.trim(); if (!token) return;
      sessionStorage.setItem(TOKEN_KEY, token); $("token-input").value = ""; $("token-form").hidden = true; tokenAsked = undefined; resolve();
    };
  });
  return tokenAsked;
}
async function api(path, options) {
  const response = await request(path, options);
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.error ? body.error.message : response.statusText);
  return body;
}
function addMessage(role, text, where = $("log")) { const div = document.createElement("div"); div.className = "msg " + role; div.textContent = text; where.append(div); $("log").scrollTop = $("log").scrollHeight; return div; }
// Chat messages are shown at once and sent one at a time: a message sent while the one before is being answered waits
// for it, so it goes with the session id that one was given (a fresh page, or one whose stored session the server lacks).
let chatQueue = Promise.resolve();
// The answer the critique panel last showed a critique of, sent from it or from the chat: anything else there is a draft.
let shownAnswer = "";
function sendChat(message) {
  const user = addMessage("user", message);
  const out = addMessage("coach", "");
  // Until the first words of the reply arrive, the person sees that it is coming (a model can take many seconds).
  out.waiting = addMessage("waiting", "The coach is thinking…");
  chatQueue = chatQueue.then(() => chat(message, user, out)).catch((error) => {
    stopWaiting(out);
    const reason = error && error.message ? error.message : "Error";
    // Nothing came back: the message is offered again rather than lost; a reply cut short keeps what arrived.
    if (out.textContent === "") {
      out.textContent = "Not answered: " + reason;
      if (!$("chat-input").value) { $("chat-input").value = message; out.textContent += " Your message is back in the box to send again."; }
    } else out.textContent += "\\n[The reply was cut short: " + reason + "]";
    out.classList.add("failed"); out.dataset.done = "true";
  }).finally(() => stopWaiting(out));
  return chatQueue;
}
function stopWaiting(out) { if (out.waiting) { out.waiting.remove(); out.waiting = undefined; } }
async function chat(message, user, out) {
  const response = await request("/api/chat", { method: "POST", body: JSON.stringify({ sessionId, message }) });
  if (!response.ok) {
    const body = await response.json().catch(() => ({}));
    // A stored conversation the server does not have (another store, or lost): forget it and start a new one.
    if (response.status === 404 && sessionId && body.error && body.error.code === "SESSION_NOT_FOUND") {
      sessionId = undefined; localStorage.removeItem("coach-session");
      const note = document.createElement("div"); note.className = "msg notice muted"; note.textContent = "That conversation is not on this server; starting a new one."; user.before(note);
      return chat(message, user, out);
    }
    stopWaiting(out); out.textContent = body.error ? body.error.message : "Error"; out.dataset.done = "true"; return;
  }
  const reader = response.body.getReader(); const decoder = new TextDecoder(); let buffer = "";
  for (;;) {
    let chunk;
    // The stream breaking off (the server stopped mid-reply) is the server gone, not the browser's "network error".
    try { chunk = await reader.read(); } catch { throw serverGone(); }
    const { value, done } = chunk; if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let end;
    while ((end = buffer.indexOf("\\n\\n")) >= 0) {
      const block = buffer.slice(0, end); buffer = buffer.slice(end + 2);
      const event = (/^event: (.+)$/m.exec(block) || [])[1]; const data = JSON.parse((/^data: (.+)$/m.exec(block) || [, "null"])[1]);
      if (event === "session") { sessionId = data.sessionId; localStorage.setItem("coach-session", sessionId); }
      if (event === "token") { stopWaiting(out); out.textContent += data.text; $("log").scrollTop = $("log").scrollHeight; }
      if (event === "reset") out.textContent = "";
      if (event === "notice") addNote(data.message, out);
      if (event === "card" && data.type === "matches") showMatchNotices(data.data, out);
      if (event === "card" && data.type === "critique") {
        // The panel shows the chat's critique with the question it answered, and the answer when the page saw it whole.
        const answer = critiquedAnswer(data.data, message);
        // A draft the person is writing in the panel is theirs: kept, not replaced by the chat's answer.
        const draft = $("critique-answer").value;
        if (!draft.trim() || draft === shownAnswer) {
          $("critique-question").value = typeof data.question === "string" ? data.question : "";
          $("critique-answer").value = shownAnswer = answer === null ? "" : answer;
        }
        showCritique(data.data, answer, data.hideScores === true || (await scoreSettings()).hideScores);
      }
      if (event === "error") { stopWaiting(out); out.textContent += "\\n[" + data.message + "]"; }
    }
  }
  stopWaiting(out); out.dataset.done = "true";
}
// A note for the person above a reply: the reply it concerns comes below it.
function addNote(text, out) { const note = document.createElement("div"); note.className = "msg notice muted"; note.textContent = text; out.before(note); }
// A story search's notices ("no story is needed", why fewer stories are shown) belong above the stories it lists. The
// offline coach writes them at the top of its reply; a language model may leave one out, and then the page adds it,
// once however many searches the model ran.
function showMatchNotices(result, out) {
  out.notes = out.notes || new Set();
  for (const text of result.notices || []) if (!out.textContent.includes(text) && !out.notes.has(text)) { out.notes.add(text); addNote(text, out); }
}
const SEVERITY_LABEL = { high: "Fix first", medium: "Worth fixing", low: "Polish" };
const starMarks = (critique) => Object.entries(critique.star).flatMap(([part, value]) => value.spans.map((span) => ({ ...span, part }))).sort((a, b) => a.start - b.start);
// The answer a chat critique was of: the card's own when it carries it, else the message sent (whole, or after "critique:")
// where every highlighted span lines up with it; null when the page never saw it whole (an answer and its follow-up).
function critiquedAnswer(critique, message) {
  if (typeof critique.answer === "string") return critique.answer;
  const text = message.trim();
  const labelled = /^(?:critique|review|feedback)(?: (?:this|my answer))?\\s*:\\s*([\\s\\S]+)$/i.exec(text);
  return [labelled && labelled[1], text].find((answer) => answer && starMarks(critique).every((mark) => answer.slice(mark.start, mark.end) === mark.text)) ?? null;
}
// Low-anxiety mode (coach serve --hide-scores), as the server says: the critique view leaves out the score and its breakdown.
// Asked again until it answers (the token may not be entered yet; a request may be rate-limited); meanwhile scores
// stay hidden, since showing them to someone who asked not to see them is the worse mistake.
let knownSettings = null;
async function scoreSettings() {
  if (knownSettings) return knownSettings;
  try { const body = await api("/api/settings"); knownSettings = { hideScores: body.hideScores === true }; return knownSettings; } catch { return { hideScores: true }; }
}
// Shows one answer's critique throughout: its text with its parts highlighted (the parts alone, "…" between, when the text is not known), score, issues.
function showCritique(critique, answer, hideScores) {
  let html = "", at = 0;
  for (const mark of starMarks(critique)) {
    if (mark.start < at) continue;
    if (mark.start > at) html += answer === null ? " … " : esc(answer.slice(at, mark.start));
    html += '<span class="part-' + mark.part + '" title="' + mark.part + '">' + esc(answer === null ? mark.text : answer.slice(mark.start, mark.end)) + "</span>"; at = mark.end;
  }
  html += answer === null ? "" : esc(answer.slice(at));
  $("highlighted").innerHTML = html;
  $("score").textContent = (hideScores ? "" : "Score " + critique.score + "/100 · ") + critique.words + " words, about " + critique.speakingSeconds + " s spoken";
  $("breakdown").hidden = hideScores;
  $("breakdown").innerHTML = hideScores ? "" : Object.entries(critique.breakdown).map(([k, v]) => "<div><span style='width:6rem'>" + k + "</span><i style='width:" + Math.round(v * 160) + "px'></i><span>" + Math.round(v * 100) + "%</span></div>").join("");
  // In words, most serious first as the critique orders them; the stable code (README's list) stays on hover.
  $("issues").innerHTML = critique.issues.map((i) => '<li title="' + esc(i.code) + '"><strong>' + SEVERITY_LABEL[i.severity] + "</strong> · " + esc(i.message) + "</li>").join("") || "<li>None: complete and specific.</li>";
  $("followups").innerHTML = critique.followUps.map((f) => "<li>" + esc(f) + "</li>").join("");
  // A model's coaching, when one answered: its notes, then its improved answer, placeholders and all.
  const llm = critique.llm && critique.llm.fallback === false ? critique.llm : null;
  $("coaching").hidden = !llm;
  $("coaching-notes").innerHTML = llm ? [...(llm.strengths || []).map((text) => "Strength: " + text), ...(llm.improvements || []).map((text) => "To improve: " + text)].map((text) => "<li>" + esc(text) + "</li>").join("") : "";
  $("improved").textContent = llm && typeof llm.improvedAnswer === "string" ? llm.improvedAnswer : "";
  delete $("critique-result").dataset.error; $("critique-result").hidden = false;
}
// A bank saved on disk in a state the server cannot serve keeps its last good stories: say so, naming the bank.
let shownBanks = "";
const BANK_KINDS = { upload: "uploaded", "command-line": "from coach serve --bank", store: "in the coach store", sample: "bundled sample" };
async function checkBanks() {
  const { banks } = await api("/api/banks");
  showBanks(banks);
  const failing = banks.filter((bank) => bank.error);
  $("bank-errors").innerHTML = failing.map((bank) => "<li>" + esc(bank.name) + ": " + esc(bank.error.message) + "</li>").join("");
  $("bank-errors").hidden = failing.length === 0;
  // A bank edited on disk is re-indexed by the server: show its stories as served now.
  const served = JSON.stringify(banks.map((bank) => [bank.name, bank.stories]));
  if (shownBanks && served !== shownBanks) await refreshBank();
  shownBanks = served;
}
// Which banks the coach draws on, so nobody mistakes the sample's stories for their own; uploads can be deleted here.
function showBanks(banks) {
  $("bank-sample").hidden = !banks.some((bank) => bank.kind === "sample");
  $("banks").innerHTML = banks.map((bank) => "<li><span><strong>" + esc(bank.name) + "</strong> <span class='muted'>" + bank.stories + " " + (bank.stories === 1 ? "story" : "stories") + " · " + esc(BANK_KINDS[bank.kind] || bank.kind) + "</span></span>" +
    (bank.deletable ? "<button type='button' class='secondary' data-delete='" + esc(bank.name) + "' aria-label='Delete bank " + esc(bank.name) + "'>Delete</button>" : "") + "</li>").join("");
  return banks;
}
const storiesIn = (banks) => banks.reduce((total, bank) => total + bank.stories, 0);
const servedSummary = (banks) => "The coach now uses " + (storiesIn(banks) === 1 ? "1 story" : storiesIn(banks) + " stories") + " from " + (banks.length === 1 ? "1 bank" : banks.length + " banks") + (banks.some((bank) => bank.kind === "sample") ? " (the bundled sample)." : ".");
$("banks").addEventListener("click", async (event) => {
  const button = event.target.closest("button[data-delete]"); if (!button) return;
  const name = button.dataset.delete;
  if (!confirm('Delete the bank "' + name + '" from the coach? Its stories are no longer used; upload the file again to bring them back.')) return;
  button.disabled = true; $("bank-status").textContent = "Deleting " + name + "…"; $("bank-warnings-box").hidden = true;
  try {
    await api("/api/banks/" + encodeURIComponent(name), { method: "DELETE" });
    const { banks } = await api("/api/banks"); showBanks(banks); shownBanks = JSON.stringify(banks.map((bank) => [bank.name, bank.stories]));
    const note = await refreshedNote();
    $("bank-status").textContent = "Deleted " + name + ". " + servedSummary(banks) + note;
  } catch (error) { button.disabled = false; $("bank-status").textContent = "Could not delete " + name + ": " + error.message; }
});
// Every 10 s: 6 of the 120 requests a minute a client may make.
setInterval(() => checkBanks().catch(() => {}), 10_000);
// The stories and coverage are shown as served before the status says a change is done; a failed refresh is not a failed change.
async function refreshedNote() {
  try { await refreshBank(); return ""; } catch { return " Reload the page to see the stories it now uses."; }
}
async function refreshBank() {
  const { stories } = await api("/api/stories"); $("story-count").textContent = stories.length;
  $("stories").innerHTML = stories.map((s) => "<li>" + esc(s.title) + " <span class='muted'>" + esc(s.principles.join(" / ")) + "</span></li>").join("");
  const { coverage } = await api("/api/coverage");
  $("coverage").innerHTML = coverage.map((c) => "<li><strong>" + esc(c.principle) + "</strong>: " + c.fit + (c.stories[0] ? " · " + esc(c.stories[0].title) : "") + "</li>").join("");
}
$("chat-form").addEventListener("submit", (event) => { event.preventDefault(); $("chat-input").focus(); const text = $("chat-input").value.trim(); if (!text) return; $("chat-input").value = ""; sendChat(text); });
// Enter sends, as in any chat; Shift+Enter (or a paste) keeps the answer's own lines, bullets and paragraphs.
$("chat-input").addEventListener("keydown", (event) => {
  if (event.key === "Enter" && !event.shiftKey && !event.isComposing) { event.preventDefault(); $("chat-form").requestSubmit(); }
});
// A critique that could not be made leaves no other answer's results on screen, only what to do.
function showCritiqueError(message) {
  for (const id of ["highlighted", "breakdown", "issues", "followups", "coaching-notes", "improved"]) $(id).innerHTML = "";
  $("coaching").hidden = true;
  // Only the message: no empty legend, answer box or headings around it.
  $("score").textContent = message; $("critique-result").dataset.error = "true"; $("critique-result").hidden = false;
}
$("critique-form").addEventListener("submit", async (event) => {
  event.preventDefault(); const answer = $("critique-answer").value; const question = $("critique-question").value;
  if (!question.trim()) return showCritiqueError("Enter the interview question the answer is for.");
  if (!answer.trim()) return showCritiqueError("Paste the answer you want critiqued.");
  // One critique at a time, and the person sees it is under way (with a model it can take many seconds).
  const button = $("critique-form").querySelector("button"); button.disabled = true; $("critique-status").textContent = "Critiquing your answer…";
  try { showCritique(await api("/api/critique", { method: "POST", body: JSON.stringify({ question, answer }) }), answer, (await scoreSettings()).hideScores); shownAnswer = answer; } catch (error) { showCritiqueError("Could not critique it: " + error.message); }
  finally { button.disabled = false; $("critique-status").textContent = ""; }
});
$("bank-form").addEventListener("submit", async (event) => {
  event.preventDefault(); $("bank-warnings-box").hidden = true;
  const file = $("bank-file").files[0];
  if (!file) { $("bank-status").textContent = "Choose a file with your stories first (markdown, text or JSON)."; return; }
  // The server names the bank from the file's name (letters, digits, - and _) and says which name it kept.
  const content = await file.text();
  if (!content.trim()) { $("bank-status").textContent = "Upload failed: " + file.name + " is empty; choose a file with your stories in it."; return; }
  // Indexing a large bank takes a while: say so, and take one upload at a time.
  const button = $("bank-form").querySelector("button"); button.disabled = true;
  $("bank-status").textContent = "Uploading " + file.name + " and indexing its stories… a large bank can take a minute or two.";
  try {
    const result = await api("/api/banks", { method: "POST", body: JSON.stringify({ name: file.name, content, format: file.name.endsWith(".json") ? "json" : "markdown" }) });
    const { banks } = await api("/api/banks").catch(() => ({ banks: [] })); if (banks.length) { showBanks(banks); shownBanks = JSON.stringify(banks.map((bank) => [bank.name, bank.stories])); }
    const warnings = result.warnings.length;
    const note = await refreshedNote();
    $("bank-status").textContent = "Uploaded " + result.name + ": " + result.stories.length + " " + (result.stories.length === 1 ? "story" : "stories") + ", " + (warnings === 1 ? "1 warning" : warnings + " warnings") + (warnings ? " (listed below)" : "") + "." + (banks.length ? " " + servedSummary(banks) : "") + note;
    // What the parser passed by or changed is the writer's to check: each warning with its line.
    $("bank-warning-count").textContent = warnings;
    $("bank-warnings").innerHTML = result.warnings.map((warning) => "<li>" + (warning.line ? "line " + warning.line + ": " : "") + esc(warning.message) + "</li>").join("");
    $("bank-warnings-box").hidden = warnings === 0;
  }
  catch (error) { $("bank-status").textContent = "Upload failed: " + error.message; }
  finally { button.disabled = false; }
});
// A conversation kept in this browser is shown again on load (a reload mid-interview keeps the question on screen).
async function restoreConversation() {
  if (!sessionId) return false;
  const response = await request("/api/sessions/" + encodeURIComponent(sessionId));
  if (response.status === 404) {
    sessionId = undefined; localStorage.removeItem("coach-session");
    addMessage("notice muted", "That conversation is not on this server; starting a new one.", $("history")); return false;
  }
  if (!response.ok) return false;
  const { messages, createdAt } = await response.json();
  if (!messages.length) return false;
  const started = new Date(createdAt);
  addMessage("notice muted", "Your conversation from " + (isNaN(started) ? "before" : started.toLocaleString()) + ', resumed. "New conversation" starts afresh.', $("history"));
  for (const message of messages) addMessage(message.role === "user" ? "user" : "coach restored", message.text, $("history"));
  return true;
}
const greet = () => addMessage("coach", 'Hi! Ask "which story for: tell me about a time you failed?", or "interview me on Ownership".', $("history"));
$("new-chat").addEventListener("click", () => {
  // After any reply under way, so it does not land in the new conversation.
  chatQueue = chatQueue.catch(() => {}).then(() => {
    sessionId = undefined; localStorage.removeItem("coach-session");
    $("log").replaceChildren(Object.assign(document.createElement("div"), { id: "history" })); greet();
  });
  $("chat-input").focus();
});
refreshBank().catch(() => {});
checkBanks().catch(() => {});
// Messages sent meanwhile wait for it, so they follow the conversation they continue.
chatQueue = restoreConversation().catch(() => false).then((restored) => { if (!restored) greet(); });
</script></body></html>`;
