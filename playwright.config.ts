import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findBrowser } from './scripts/browser.mjs';

const port = Number(process.env.E2E_PORT ?? 4173);
const executablePath = await findBrowser();

export default defineConfig({
  testDir: 'e2e',
  // `npm run screenshots` takes the README's pictures instead of running the tests.
  testMatch: process.env.SCREENSHOTS ? '**/screenshots.shots.ts' : '**/*.spec.ts',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 30_000,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://localhost:${port}`,
    browserName: 'chromium',
    launchOptions: {
      executablePath,
      // Test sites on several domain levels (cookie deletion on parent domains, R2) resolve to this machine.
      args: [
        ...CHROMIUM_ARGS,
        '--host-resolver-rules=MAP *.example.test 127.0.0.1, MAP example.test 127.0.0.1',
      ],
    },
    trace: 'off',
  },
  webServer: {
    command: `node scripts/serve.mjs`,
    env: { PORT: String(port) },
    url: `http://localhost:${port}/e2e/blank.html`,
    reuseExistingServer: !process.env.CI,
    stdout: 'ignore',
  },
});
