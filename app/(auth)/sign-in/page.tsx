import Link from 'next/link'
import { redirect } from 'next/navigation'

import { SignInForm } from '@/components/auth/sign-in-form'
import { SocialButtons } from '@/components/auth/social-buttons'
import { Card } from '@/components/ui/card'
import { FormMessage } from '@/components/ui/form-message'
import { enabledSocialProviders } from '@/lib/auth/auth'
import { safeRedirectPath } from '@/lib/auth/forms'
import { getEnv, getSession } from '@/lib/auth/server'

export const metadata = { title: 'Sign in' }

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>
}) {
  const params = await searchParams
  const next = safeRedirectPath.parse(params.next)
  if (await getSession()) redirect(next ?? '/app')
  return (
    <Card
      title="Sign in"
      footer={
        <>
          New here?{' '}
          <Link className="underline" href={next ? `/sign-up?next=${encodeURIComponent(next)}` : '/sign-up'}>
            Create an account
          </Link>
        </>
      }
    >
      {params.reset ? <FormMessage success="Your password was changed. Sign in with the new one." /> : null}
      <SignInForm next={next} />
      <SocialButtons providers={enabledSocialProviders(await getEnv())} next={next} />
      <Link className="text-sm underline" href="/forgot-password">
        Forgot your password?
      </Link>
    </Card>
  )
}
