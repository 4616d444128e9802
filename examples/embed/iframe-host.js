// The host side of the iframe embed: point the frame at hokoku, size it from the height it
// reports, and (optionally) send it a report. `?app=` overrides where hokoku lives.
const params = new URLSearchParams(location.search);
const frame = document.getElementById('hokoku-frame');
const app = new URL(params.get('app') ?? '../../index.html', location.href);
app.searchParams.set('embed', '1');
app.searchParams.set('view', params.get('view') ?? 'table');
// The frame accepts reports only from the origins its deployer listed in hokoku's index.html
// (<meta name="hokoku-host-origins">), never from anything in this URL.
frame.src = app.href;

window.addEventListener('message', (event) => {
  if (event.origin !== app.origin) return;
  if (event.data?.type === 'hokoku:height') frame.style.height = `${event.data.height}px`;
});

document.getElementById('send-report').addEventListener('click', async () => {
  const report = params.get('report') ?? '../sample-en.json';
  const json = await (await fetch(report)).text();
  frame.contentWindow.postMessage({ type: 'hokoku:load', json }, app.origin);
});
