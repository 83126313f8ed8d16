/**
 * The banner's whole style, inside its shadow root. `:host` resets everything the page could
 * inherit or impose (important declarations in a shadow tree beat the page's), and the banner
 * floats over the page: it never moves or restyles the page's own content.
 */
export const BANNER_CSS = `
:host{all:initial!important;display:block!important;position:fixed!important;top:0!important;left:0!important;right:0!important;z-index:2147483647!important;pointer-events:none!important}
.bar{pointer-events:auto;box-sizing:border-box;display:flex;align-items:flex-start;gap:10px;margin:8px auto;max-width:720px;padding:10px 12px;border-radius:8px;border:1px solid;box-shadow:0 4px 16px rgba(0,0,0,.18);font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;text-align:left;direction:ltr}
.restricted{background:#fff8c5;border-color:#d4a72c;color:#3b2300}
.banned{background:#ffebe9;border-color:#cf222e;color:#4c0007}
.icon{flex:none;font-weight:700;width:20px;height:20px;border-radius:50%;color:#fff;display:flex;align-items:center;justify-content:center;font-size:12px}
.restricted .icon{background:#9a6700}
.banned .icon{background:#cf222e}
.text{flex:1;min-width:0;overflow-wrap:anywhere}
p{margin:0 0 2px}
.title{font-weight:600}
.dismiss{flex:none;font:inherit;font-size:13px;cursor:pointer;border:1px solid currentColor;border-radius:6px;background:transparent;color:inherit;padding:2px 10px}
.dismiss:focus-visible{outline:2px solid #0969da;outline-offset:2px}
`;
