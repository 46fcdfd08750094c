import { ensureBrowser } from './browser.mjs';

const path = await ensureBrowser();
console.log(`Chromium for end-to-end tests: ${path}`);
