// What a workspace name and slug may be, and how a slug is suggested from a name.
import { slugify as slugifyTo } from './slug'
import { z } from './zod'

export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{1,46}[a-z0-9])$/
/** Slugs that would shadow a route or look official. */
const RESERVED_SLUGS = new Set(['new', 'settings', 'admin', 'api', 'app', 'www', 'help', 'support'])

/** A workspace address suggested from its name. */
export const slugify = (name: string): string => slugifyTo(name, 48)

export const workspaceName = z.string().trim().min(2, 'Use at least 2 characters').max(64, 'Use at most 64 characters')

export const workspaceSlug = z
  .string()
  .trim()
  .toLowerCase()
  .regex(SLUG_PATTERN, 'Use 3 to 48 lowercase letters, digits or hyphens, starting and ending with a letter or digit')
  .refine((slug) => !RESERVED_SLUGS.has(slug), 'This address is reserved')

export const createWorkspaceForm = z
  .object({ name: workspaceName, slug: z.string().trim().optional() })
  .transform((form, ctx) => {
    const slug = workspaceSlug.safeParse(form.slug ? form.slug : slugify(form.name))
    if (!slug.success) {
      for (const issue of slug.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: ['slug'] })
      return z.NEVER
    }
    return { name: form.name, slug: slug.data }
  })

export const renameWorkspaceForm = z.object({ slug: z.string().min(1), name: workspaceName })
export const changeSlugForm = z.object({ slug: z.string().min(1), newSlug: workspaceSlug })
export const deleteWorkspaceForm = z
  .object({ slug: z.string().min(1), confirmation: z.string() })
  .refine((form) => form.confirmation.trim() === form.slug, {
    message: 'Type the workspace address exactly to confirm',
    path: ['confirmation'],
  })
