import Link from 'next/link'

import { SignUpForm } from '@/components/auth/sign-up-form'
import { SocialButtons } from '@/components/auth/social-buttons'
import { Card } from '@/components/ui/card'
import { enabledSocialProviders } from '@/lib/auth/auth'
import { safeRedirectPath } from '@/lib/auth/forms'
import { getEnv } from '@/lib/auth/server'

export const metadata = { title: 'Create an account' }

export default async function SignUpPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>
}) {
  const { next: rawNext, email } = await searchParams
  const next = safeRedirectPath.parse(rawNext)
  return (
    <Card
      title="Create an account"
      footer={
        <>
          Already have an account?{' '}
          <Link className="underline" href={next ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in'}>
            Sign in
          </Link>
        </>
      }
    >
      <SignUpForm next={next} email={email} />
      <SocialButtons providers={enabledSocialProviders(await getEnv())} next={next} />
    </Card>
  )
}
