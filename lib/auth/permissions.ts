// Workspace roles, defined once with better-auth's access control and shared by server and client.
import { createAccessControl } from 'better-auth/plugins/access'
import { adminAc, defaultStatements, memberAc, ownerAc } from 'better-auth/plugins/organization/access'

export const ac = createAccessControl(defaultStatements)

export const roles = {
  owner: ac.newRole(ownerAc.statements),
  admin: ac.newRole(adminAc.statements),
  member: ac.newRole(memberAc.statements),
}

export type WorkspaceRole = keyof typeof roles
export const WORKSPACE_ROLES = Object.keys(roles) as WorkspaceRole[]
