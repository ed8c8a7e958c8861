// The theory exam page (F10). Every click is saved at once through the JSON API with a rising
// sequence number; "已保存" appears only when the server acknowledged the save (after its commit).
// A failed save is retried until it is acknowledged or the time is over; a reload starts from
// the server's state (the page is rendered with the stored answers and the server's remaining
// time), and the sequence continues above anything sent before (kept in localStorage too, so an
// answer sent just before a crash can never be overtaken by an older one). The timer only
// displays the server's remaining time; at zero the page submits and the server closes the
// attempt anyway (it times out by itself).

const exam = document.getElementById('exam');
if (exam) start(exam);

function start(exam) {
  const attempt = exam.dataset.attempt;
  const csrf = exam.dataset.csrf;
  const open = exam.dataset.open === '1';
  const key = 'rc-exam-seq-' + attempt;
  let next = Math.max(Number(exam.dataset.nextSequence) || 1, (Number(localStorage.getItem(key)) || 0) + 1);
  const latest = new Map();  // question -> highest sequence sent
  const pending = new Set(); // sequences not yet acknowledged
  let closed = !open;
  const notice = document.getElementById('exam-notice');
  const say = (text) => { if (notice) notice.textContent = text; };

  function takeSequence() {
    const s = next++;
    localStorage.setItem(key, String(s));
    return s;
  }

  function stateOf(question) {
    return document.querySelector(`fieldset[data-question="${question}"] [data-save-state]`);
  }

  function countAnswered() {
    const n = document.querySelectorAll('fieldset[data-question] input[type=radio]:checked').length;
    const el = document.getElementById('answered-count');
    if (el) el.textContent = String(n);
  }

  async function post(path, body) {
    return fetch(`/api/v1/exam/attempts/${attempt}${path}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf },
      body: JSON.stringify(body),
    });
  }

  async function save(question, choice, sequence) {
    latest.set(question, sequence);
    pending.add(sequence);
    stateOf(question).textContent = '保存中…';
    let delay = 500;
    while (!closed) {
      let res = null;
      try {
        res = await post('/answers', { question, sequence, choice });
      } catch (e) {
        res = null;  // network cut: retry below
      }
      if (res && res.ok) {
        pending.delete(sequence);
        if (latest.get(question) === sequence) stateOf(question).textContent = '已保存';
        return;
      }
      if (res && res.status >= 400 && res.status < 500 && res.status !== 429) {
        pending.delete(sequence);
        const body = await res.json().catch(() => ({}));
        const code = body.error && body.error.code;
        // exam.sequence_conflict (409): this sequence was used for another choice: take a new one.
        if (code === 'exam.sequence_conflict') return save(question, choice, takeSequence());
        stateOf(question).textContent = '未保存';
        say((body.error && body.error.message) || '答案未保存');
        if (code === 'exam.closed' || code === 'exam.time_over') {
          // Submitted or time is over (R6): the server has closed the attempt; show its final state.
          closed = true;
          setTimeout(() => window.location.reload(), 1500);
        } else if (res.status === 422 || res.status === 401 || res.status === 403) {
          closed = true;
        }
        return;
      }
      stateOf(question).textContent = '网络中断，正在重试…';
      await new Promise((r) => setTimeout(r, delay));
      delay = Math.min(delay * 2, 5000);
    }
    pending.delete(sequence);
  }

  document.getElementById('exam-form').addEventListener('change', (event) => {
    const input = event.target;
    if (closed || input.type !== 'radio') return;
    const question = Number(input.closest('fieldset').dataset.question);
    countAnswered();
    save(question, Number(input.value), takeSequence());
  });

  async function submit(auto) {
    if (closed && !auto) return;
    for (let i = 0; i < 50 && pending.size > 0; i++) await new Promise((r) => setTimeout(r, 200));
    closed = true;
    say(auto ? '考试时间到，正在自动交卷…' : '正在交卷…');
    for (let tries = 0; tries < 20; tries++) {
      try {
        const res = await post('/submit', {});
        if (res.ok || (res.status >= 400 && res.status < 500)) break;
      } catch (e) { /* retry */ }
      await new Promise((r) => setTimeout(r, 1000));
    }
    window.location.reload();
  }

  const button = document.getElementById('exam-submit');
  if (button) button.addEventListener('click', () => {
    if (window.confirm('确定交卷吗？交卷后不能再修改答案。')) submit(false);
  });

  if (!open) return;
  const timer = document.getElementById('exam-timer');
  let ends = performance.now() + Number(exam.dataset.remaining) * 1000;
  // Every two minutes: the server's remaining time again (a sleeping laptop's clock drifts), and
  // the session stays alive while the candidate reads without clicking.
  setInterval(async () => {
    if (closed) return;
    try {
      const res = await fetch(`/api/v1/exam/attempts/${attempt}`, { credentials: 'same-origin' });
      if (!res.ok) return;
      const state = await res.json();
      if (state.status !== 'in_progress') { closed = true; window.location.reload(); return; }
      ends = performance.now() + state.remaining_seconds * 1000;
    } catch (e) { /* offline: the local countdown goes on */ }
  }, 120000);
  const tick = () => {
    const left = Math.max(0, Math.floor((ends - performance.now()) / 1000));
    const m = Math.floor(left / 60), s = left % 60;
    if (timer) timer.textContent = `${m}:${String(s).padStart(2, '0')}`;
    if (left === 0) submit(true);
    else setTimeout(tick, 250);
  };
  tick();
}
