import type { D1Migration } from 'cloudflare:test'

declare global {
  namespace Cloudflare {
    interface Env {
      TEST_MIGRATIONS: D1Migration[]
    }
    // The worker under test (vitest.config.mts `main`), which types `exports` from cloudflare:workers.
    interface GlobalProps {
      mainModule: typeof import('../../lib/sync/standalone-worker')
    }
  }
}
