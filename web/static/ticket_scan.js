// The scan box of the proctor's room page (入场核验): where the browser has the BarcodeDetector
// API and a camera, the camera reads the admission ticket's QR code and the form is sent with
// the text read; the text field is always there for a USB scanner (it types the QR text and
// Enter) or for typing the ticket number. The camera stops when a code is read or the page goes.

const form = document.querySelector('form[data-ticket-scan]');
if (form) setUp(form);

function say(text) {
  const status = form.querySelector('[data-scan-status]');
  if (status) status.textContent = text;
}

async function setUp(form) {
  const input = form.querySelector('input[name=scan]');
  const box = form.querySelector('[data-scan-camera]');
  if (!input || !box || !('BarcodeDetector' in window)) return;
  let detector;
  try {
    const formats = await window.BarcodeDetector.getSupportedFormats();
    if (!formats.includes('qr_code')) return;
    detector = new window.BarcodeDetector({ formats: ['qr_code'] });
  } catch (e) {
    return;
  }
  if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) return;
  let stream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
  } catch (e) {
    say('无法打开摄像头，请用扫码枪扫描或输入准考证号。');
    return;
  }
  const video = box.querySelector('video');
  video.srcObject = stream;
  box.hidden = false;
  try { await video.play(); } catch (e) { /* autoplay covers it */ }
  say('请将准考证二维码对准摄像头；也可用扫码枪扫描或输入准考证号。');
  const stop = () => stream.getTracks().forEach((t) => t.stop());
  window.addEventListener('pagehide', stop);
  let done = false;
  const tick = async () => {
    if (done) return;
    try {
      const codes = await detector.detect(video);
      const code = codes.find((c) => c.rawValue);
      if (code) {
        done = true;
        stop();
        input.value = code.rawValue;
        say('已读取二维码，正在查询……');
        form.requestSubmit();
        return;
      }
    } catch (e) { /* a frame that cannot be read: try the next */ }
    setTimeout(tick, 300);
  };
  tick();
}
