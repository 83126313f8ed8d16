/**
 * The policy panel's whole style, inside its shadow root (like the banner's): `:host` resets what
 * the page could impose, and the panel floats in the bottom corner over the page, never moving it.
 */
export const POLICY_PANEL_CSS = `
:host{all:initial!important;display:block!important;position:fixed!important;right:0!important;bottom:0!important;z-index:2147483647!important;pointer-events:none!important;max-width:100vw!important}
.panel{pointer-events:auto;box-sizing:border-box;margin:12px;width:min(380px,calc(100vw - 24px));padding:14px 16px;border-radius:10px;border:1px solid #8c959f;background:#fff;color:#1f2328;box-shadow:0 8px 24px rgba(0,0,0,.22);font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;text-align:left;direction:ltr;overflow-wrap:anywhere}
p{margin:0 0 8px}
.kicker{font-size:12px;font-weight:600;text-transform:uppercase;letter-spacing:.04em;color:#59636e}
.title{font-weight:600;font-size:15px}
.summary{white-space:pre-line}
.note{font-size:12px;color:#59636e}
a{color:#0969da}
.actions{display:flex;flex-wrap:wrap;gap:8px;margin-top:4px}
button{font:inherit;font-size:13px;cursor:pointer;border-radius:6px;padding:5px 12px;border:1px solid #8c959f;background:transparent;color:inherit}
button.primary{background:#1f6feb;border-color:#1f6feb;color:#fff}
button:focus-visible,a:focus-visible{outline:2px solid #0969da;outline-offset:2px}
@media (prefers-color-scheme:dark){.panel{background:#161b22;color:#e6edf3;border-color:#3d444d}.kicker,.note{color:#9198a1}a{color:#4493f8}}
`;
