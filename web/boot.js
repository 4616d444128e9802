// Starts hokoku on its own page. A file rather than an inline script, so the page can run under
// a Content-Security-Policy without 'unsafe-inline'. The wasm is found next to this file, so the
// build works from any sub-path.
import init from './hokoku.js';

init({ module_or_path: new URL('hokoku_bg.wasm', import.meta.url) });
