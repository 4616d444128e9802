// The host side of a direct mount: load hokoku's module from where dist/ is deployed, then
// render instances into host elements. Options: { src | data, view, lang, theme, report }.
import init, { mount } from '../../hokoku.js';

await init({ module_or_path: new URL('../../hokoku_bg.wasm', import.meta.url) });
mount(document.getElementById('incident-a'), { view: 'table' });
mount(document.getElementById('incident-b'), { src: '../sample-en.json', view: 'table', lang: 'en', theme: 'light' });
