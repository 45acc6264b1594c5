// zod, with its JIT off. zod 4 probes `Function("")` before compiling a parser; under the app's
// Content-Security-Policy (no 'unsafe-eval') that probe is blocked and reported as a violation on every
// page with a form. The interpreted parsers are fast enough for forms and request bodies.
import { z } from 'zod'

z.config({ jitless: true })

export { z }
