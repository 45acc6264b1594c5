'use server'

import { revalidatePath } from 'next/cache'
import { headers } from 'next/headers'
import { redirect } from 'next/navigation'

import { changeNameForm, changePasswordForm, deleteAccountForm, revokeSessionForm } from '@/lib/auth/forms'
import { getAuth } from '@/lib/auth/server'
import { validatedAction } from '@/lib/validated-action'

export const changeName = validatedAction(changeNameForm, async ({ name }) => {
  await (await getAuth()).api.updateUser({ body: { name }, headers: await headers() })
  revalidatePath('/account')
  return { success: 'Name saved.' }
})

export const changePassword = validatedAction(changePasswordForm, async ({ currentPassword, password }) => {
  await (await getAuth()).api.changePassword({
    body: { currentPassword, newPassword: password, revokeOtherSessions: true },
    headers: await headers(),
  })
  revalidatePath('/account')
  return { success: 'Password changed. Your other sessions were signed out.' }
})

export const revokeSession = validatedAction(revokeSessionForm, async ({ token }) => {
  await (await getAuth()).api.revokeSession({ body: { token }, headers: await headers() })
  revalidatePath('/account')
  return { success: 'Session signed out.' }
})

export const deleteAccount = validatedAction(deleteAccountForm, async ({ password }) => {
  await (await getAuth()).api.deleteUser({ body: { password }, headers: await headers() })
  redirect('/?deleted=1')
})
