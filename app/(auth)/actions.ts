'use server'

import { headers } from 'next/headers'
import { redirect } from 'next/navigation'

import { forgotPasswordForm, resetPasswordForm, signInForm, signUpForm } from '@/lib/auth/forms'
import { getAuth } from '@/lib/auth/server'
import { validatedAction } from '@/lib/validated-action'

export const signUp = validatedAction(signUpForm, async ({ name, email, password, next }) => {
  const auth = await getAuth()
  await auth.api.signUpEmail({
    body: { name, email, password, callbackURL: next ?? '/app' },
    headers: await headers(),
  })
  redirect(`/check-email?email=${encodeURIComponent(email)}`)
})

export const signIn = validatedAction(signInForm, async ({ email, password, next }) => {
  const auth = await getAuth()
  await auth.api.signInEmail({ body: { email, password, callbackURL: next ?? '/app' }, headers: await headers() })
  redirect(next ?? '/app')
})

export const requestPasswordReset = validatedAction(forgotPasswordForm, async ({ email }) => {
  const auth = await getAuth()
  await auth.api.requestPasswordReset({ body: { email, redirectTo: '/reset-password' }, headers: await headers() })
  // The same answer whether or not the address has an account, so the form cannot be used to probe.
  return { success: `If ${email} has an account, a reset link is on its way.` }
})

export const resetPassword = validatedAction(resetPasswordForm, async ({ token, password }) => {
  const auth = await getAuth()
  await auth.api.resetPassword({ body: { token, newPassword: password }, headers: await headers() })
  redirect('/sign-in?reset=1')
})
