// `npm start` (after the build) and Playwright's web server: serves demo/, dist/ and the test pages.
import { startServer } from './server.mjs';

const port = Number(process.env.PORT ?? 8080);
const server = await startServer(port);
const { port: actual } = server.address();
console.log(`Consentry demo: http://localhost:${actual}/  (English: http://localhost:${actual}/en/)`);
console.log('Press Ctrl+C to stop.');
