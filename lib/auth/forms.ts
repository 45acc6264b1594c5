// Server-side validation of the account forms (the same rules the browser hints at).
import { z } from '../zod'

import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './password'

const email = z.string().trim().toLowerCase().pipe(z.email('Enter a valid email address')).pipe(z.string().max(254))
const password = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(MAX_PASSWORD_LENGTH, `Use at most ${MAX_PASSWORD_LENGTH} characters`)

/** Only same-site paths, so a crafted link cannot send someone elsewhere after signing in. */
export const safeRedirectPath = z
  .string()
  .optional()
  .transform((path) => (path?.startsWith('/') && !path.startsWith('//') && !path.includes('\\') ? path : undefined))

export const signUpForm = z.object({
  name: z.string().trim().min(1, 'Enter your name').max(100, 'Use at most 100 characters'),
  email,
  password,
  next: safeRedirectPath,
})

export const signInForm = z.object({
  email,
  password: z.string().min(1, 'Enter your password').max(MAX_PASSWORD_LENGTH),
  next: safeRedirectPath,
})

export const forgotPasswordForm = z.object({ email })

export const resetPasswordForm = z
  .object({ token: z.string().min(1, 'This reset link is incomplete'), password, confirm: z.string() })
  .refine((form) => form.password === form.confirm, { message: 'The passwords do not match', path: ['confirm'] })

export const changeNameForm = z.object({
  name: z.string().trim().min(1, 'Enter your name').max(100, 'Use at most 100 characters'),
})

export const changePasswordForm = z
  .object({ currentPassword: z.string().min(1, 'Enter your current password'), password, confirm: z.string() })
  .refine((form) => form.password === form.confirm, { message: 'The passwords do not match', path: ['confirm'] })

export const revokeSessionForm = z.object({ token: z.string().min(1) })

export const deleteAccountForm = z.object({
  password: z.string().min(1, 'Enter your password'),
  confirmation: z.literal('delete my account', { error: 'Type “delete my account” to confirm' }),
})
