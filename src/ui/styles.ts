/**
 * The UI's stylesheet, adopted into the shadow root as a constructable stylesheet (U7: no `<style>`
 * elements and no `style=` attributes, so a CSP without `unsafe-inline` is enough).
 *
 * Sizes are in `em`, not `rem`: `:host { all: initial }` gives the host the visitor's default font size,
 * whereas `rem` would follow the host page's `html { font-size }`.
 * `:host { all: initial !important }` shields the host element: for `!important` declarations the
 * shadow tree's context beats the page's (CSS Cascade 5 §6.1, "context"), so page rules such as
 * `div { display: none !important }` or `* { all: unset }` cannot hide or restyle it.
 * Colour pairs are checked for WCAG 1.4.3 contrast (≥ 4.5:1) in `styles.test.ts`.
 */

export const lightColors = {
  bg: '#ffffff',
  text: '#1f2328',
  accent: '#0b57d0',
  accentText: '#ffffff',
  border: '#6b7280',
} as const;

export const darkColors = {
  bg: '#1f2023',
  text: '#f1f3f4',
  accent: '#a8c7fa',
  accentText: '#062e6f',
  border: '#9aa0a6',
} as const;

const vars = (c: typeof lightColors | typeof darkColors, scheme: string): string =>
  `--cs-bg:${c.bg};--cs-text:${c.text};--cs-accent:${c.accent};--cs-accent-text:${c.accentText};--cs-border:${c.border};color-scheme:${scheme}`;

const dark = vars(darkColors, 'dark');

export const css = `
:host{all:initial!important;${vars(lightColors, 'light')};--cs-radius:8px;--cs-font:system-ui,sans-serif}
:host([data-theme=dark]){${dark}}
@media (prefers-color-scheme:dark){:host([data-theme=auto]){${dark}}}
*,::before,::after{box-sizing:border-box}
.root,dialog{font-family:var(--cs-font);font-size:1em;line-height:1.5;color:var(--cs-text);overflow-wrap:break-word}
.banner,dialog{background:var(--cs-bg);color:var(--cs-text);border:1px solid var(--cs-border);overflow:auto}
.banner{position:fixed;z-index:2147483600;padding:1em;max-height:100vh}
.bar-bottom{left:0;right:0;bottom:0;border-width:1px 0 0}
.bar-top{left:0;right:0;top:0;border-width:0 0 1px}.bar-top.dodge{top:auto;bottom:0;border-width:1px 0 0}
.box{right:1em;bottom:1em;width:26em;max-width:calc(100vw - 2em);max-height:calc(100vh - 2em);border-radius:var(--cs-radius)}
.inner{display:flex;flex-wrap:wrap;align-items:center;gap:.75em 1.5em;max-width:75em;margin:0 auto}
.text{flex:1 1 24em;min-width:0}
.box .text{flex-basis:100%}
dialog{padding:1.5em;margin:auto;width:40em;max-width:calc(100vw - 2em);max-height:calc(100vh - 2em);border-radius:var(--cs-radius)}
dialog.banner{position:fixed;inset:0}
dialog::backdrop{background:rgb(0 0 0 / .55)}
h2{font-size:1.25em;line-height:1.3;margin:0 0 .5em}
h3{font-size:1em;margin:0}
p{margin:0 0 .5em}
a{color:inherit;text-decoration:underline;text-underline-offset:.15em}
.links{display:flex;flex-wrap:wrap;gap:.25em 1em}
.actions{display:flex;gap:.5em;flex:1 1 24em}
.btn{flex:1 1 0;min-height:44px;min-width:44px;margin:0;padding:.5em 1em;font:inherit;font-weight:600;line-height:1.25;color:var(--cs-accent-text);background:var(--cs-accent);border:2px solid var(--cs-accent);border-radius:var(--cs-radius);cursor:pointer;transition:filter .15s}
.btn:hover{filter:brightness(1.15)}
.close{position:absolute;top:.25em;right:.25em;min-width:44px;min-height:44px;font:inherit;font-size:1.5em;line-height:1;color:inherit;background:none;border:0;border-radius:var(--cs-radius);cursor:pointer}
.closable,dialog .head{padding-right:2.5em}
dialog .head{position:relative}
dialog .close{top:-.5em;right:-.5em}
:focus-visible{outline:3px solid var(--cs-text);outline-offset:2px}
.note{padding:.5em .75em;border:1px solid var(--cs-border);border-radius:var(--cs-radius)}
.reopen{position:fixed;z-index:2147483500;left:1em;bottom:1em;display:flex;align-items:center;justify-content:center;width:44px;height:44px;padding:0;color:var(--cs-accent-text);background:var(--cs-accent);border:2px solid var(--cs-bg);border-radius:50%;cursor:pointer}
.reopen svg{width:24px;height:24px}
.sr-only{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip-path:inset(50%);white-space:nowrap;border:0}
@media (max-width:30em){.actions{flex-direction:column}.btn{flex:none}.banner{padding:.75em}dialog{padding:1em}}
@media (prefers-reduced-motion:reduce){*,::before,::after,::backdrop{transition:none!important;animation:none!important}}
`;

/** The dialog's own rules (categories, switches, service details): they come with the dialog file. */
export const dialogCss = `
.cats{list-style:none;margin:1em 0;padding:0}
.cat{padding:.75em 0;border-top:1px solid var(--cs-border)}
.switch{display:flex;align-items:center;gap:.75em;min-height:44px}
.switch input{font-size:inherit;width:1.5em;height:1.5em;margin:0;flex:none;accent-color:var(--cs-accent)}
.switch h3{flex:1}
h4{font-size:.875em;margin:.5em 0 0}
details{margin:.25em 0}
summary{cursor:pointer;padding:.375em 0;min-height:24px}
dl{display:grid;grid-template-columns:auto 1fr;gap:0 .75em;margin:.25em 0}
dt{font-weight:600}dd{margin:0}
table{width:100%;table-layout:fixed;border-collapse:collapse;font-size:.875em;margin:.25em 0}
th,td{text-align:left;vertical-align:top;padding:.25em .5em .25em 0;overflow-wrap:anywhere;border-bottom:1px solid var(--cs-border)}
@media (max-width:20em){.switch{flex-wrap:wrap}}
@media (max-width:30em){dl{display:block}}
`;
