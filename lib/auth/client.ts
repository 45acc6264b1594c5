// The browser's better-auth client, mirroring the server's plugins.
import { organizationClient } from 'better-auth/client/plugins'
import { createAuthClient } from 'better-auth/react'

import { ac, roles } from './permissions'

export const authClient = createAuthClient({ plugins: [organizationClient({ ac, roles })] })
