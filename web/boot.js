// Starts hokoku on its own page. A file rather than an inline script, so the page can run under
// a Content-Security-Policy without 'unsafe-inline'. The wasm is found next to this file, so the
// build works from any sub-path.
//
// It also catches what the Rust panic hook cannot see: a WebAssembly trap (`RuntimeError:
// unreachable`, memory exhausted) or a module that fails to load or start. Either leaves the app
// dead, so it gets the same recovery screen as a panic: a reload that reopens the tab's last good
// document (`?restore=1`), and the dead app is made inert so nothing half-drawn can be clicked.
import init from './hokoku.js';

function showCrash() {
  document.getElementById('hokoku-root')?.setAttribute('inert', '');
  if (document.querySelector('[data-testid="crash"]')) return; // the panic hook was first
  const box = document.createElement('div');
  box.className = 'hokoku';
  box.setAttribute('role', 'alert');
  box.dataset.testid = 'crash';
  const inner = document.createElement('div');
  inner.className = 'hk-crash';
  inner.textContent = '予期しないエラーが発生しました。ページを再読み込みしてください。 / Something went wrong. Please reload the page.';
  const reload = document.createElement('a');
  const url = new URL(location.href);
  url.searchParams.set('restore', '1');
  reload.href = url.href;
  reload.textContent = ' 再読み込み / Reload';
  inner.append(reload);
  box.append(inner);
  document.body.prepend(box);
}

const isTrap = (e) => e instanceof WebAssembly.RuntimeError;
addEventListener('error', (e) => isTrap(e.error) && showCrash());
addEventListener('unhandledrejection', (e) => isTrap(e.reason) && showCrash());

init({ module_or_path: new URL('hokoku_bg.wasm', import.meta.url) }).catch((e) => {
  console.error('hokoku could not start:', e);
  showCrash();
});
