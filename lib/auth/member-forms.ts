// Validation of the member and invitation forms of a workspace.
import { z } from '../zod'

import { WORKSPACE_ROLES } from './permissions'

const slug = z.string().min(1)
const role = z.enum(WORKSPACE_ROLES, 'Choose a role')

export const inviteForm = z.object({
  slug,
  email: z.string().trim().toLowerCase().pipe(z.email('Enter a valid email address')),
  role: role.refine((r) => r !== 'owner', 'Invite as admin or member; transfer ownership from the members list'),
})
export const invitationForm = z.object({ slug, invitationId: z.string().min(1) })
export const memberForm = z.object({ slug, memberId: z.string().min(1) })
export const changeRoleForm = z.object({ slug, memberId: z.string().min(1), role })
export const workspaceForm = z.object({ slug })
