'use server'

import { headers } from 'next/headers'
import { redirect } from 'next/navigation'

import { signInForm, signUpForm } from '@/lib/auth/forms'
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

export async function signOut() {
  const auth = await getAuth()
  await auth.api.signOut({ headers: await headers() })
  redirect('/')
}
