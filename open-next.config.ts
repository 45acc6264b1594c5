import { defineCloudflareConfig } from '@opennextjs/cloudflare'

// No incremental cache yet: pages that need data render per request on the Worker.
export default defineCloudflareConfig({})
