// Live capture for the face check (确认报名, step 3). Shows the camera, takes a JPEG snapshot and
// puts it into the form's file input, so the ordinary form post (with its _csrf field) sends it;
// where a file input cannot be filled from script, the snapshot is posted with FormData and the
// CSRF token header instead. Without a camera, or when permission is refused, the file input
// stays as the fallback. The snapshot never leaves the page except in that one post.

const form = document.querySelector('form[data-face-capture]');
if (form) setUp(form);

function say(form, text) {
  const status = form.querySelector('[data-camera-status]');
  if (status) status.textContent = text;
}

async function setUp(form) {
  const input = form.querySelector('input[type=file][name=capture]');
  const box = form.querySelector('[data-camera]');
  if (!input || !box) return;
  if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
    say(form, '此浏览器无法使用摄像头，请选择本人正面照片后提交。');
    return;
  }
  let stream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({
      video: { facingMode: 'user', width: { ideal: 640 }, height: { ideal: 480 } },
      audio: false,
    });
  } catch (e) {
    say(form, '无法打开摄像头（未授权或没有摄像头），请选择本人正面照片后提交。');
    return;
  }
  const video = box.querySelector('video');
  const preview = box.querySelector('[data-preview]');
  video.srcObject = stream;
  box.hidden = false;
  try { await video.play(); } catch (e) { /* autoplay attribute covers it */ }
  say(form, '请正对摄像头，点击“拍照”，确认预览清晰后提交。');
  window.addEventListener('pagehide', () => stream.getTracks().forEach((t) => t.stop()));

  let pending = null;  // a snapshot that could not be put into the file input
  box.querySelector('[data-snap]').addEventListener('click', async () => {
    const blob = await snapshot(video);
    if (!blob) {
      say(form, '拍照失败，请重试或选择照片文件。');
      return;
    }
    const file = new File([blob], 'capture.jpg', { type: 'image/jpeg' });
    pending = attach(input, file) ? null : file;
    if (pending) input.required = false;
    if (preview) {
      if (preview.src) URL.revokeObjectURL(preview.src);
      preview.src = URL.createObjectURL(blob);
      preview.hidden = false;
    }
    say(form, '已拍照。请勾选同意后点击“提交人脸核验”。');
  });

  form.addEventListener('submit', (event) => {
    if (!pending) return;  // the file input carries the snapshot (or the chosen file)
    event.preventDefault();
    postDirectly(form, pending).catch(() => say(form, '提交失败，请检查网络后重试。'));
  });
}

function snapshot(video) {
  const canvas = document.createElement('canvas');
  canvas.width = video.videoWidth || 640;
  canvas.height = video.videoHeight || 480;
  canvas.getContext('2d').drawImage(video, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.92));
}

// Puts `file` into the file input; false where the browser does not allow it.
function attach(input, file) {
  try {
    const transfer = new DataTransfer();
    transfer.items.add(file);
    input.files = transfer.files;
    return input.files.length === 1;
  } catch (e) {
    return false;
  }
}

async function postDirectly(form, file) {
  const data = new FormData(form);
  data.set('capture', file, 'capture.jpg');
  const token = form.querySelector('input[name=_csrf]');
  const res = await fetch(form.action, {
    method: 'POST',
    body: data,
    credentials: 'same-origin',
    headers: token ? { 'X-CSRF-Token': token.value } : {},
  });
  if (res.redirected) {
    window.location.assign(res.url);
    return;
  }
  // A refusal comes back as the page with its message: show it as the browser would.
  const html = await res.text();
  document.open();
  document.write(html);
  document.close();
}
