import { APIError } from 'better-auth/api'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'

import { isRefusal } from '@/lib/refusal'
import { validatedAction } from '@/lib/validated-action'

const form = (fields: Record<string, string>) => {
  const data = new FormData()
  for (const [name, value] of Object.entries(fields)) data.set(name, value)
  return data
}

describe('validatedAction', () => {
  const schema = z.object({ email: z.email('Enter a valid email address'), password: z.string().min(3) })

  it('returns field-level messages and refills everything but secrets', async () => {
    const action = validatedAction(schema, async () => undefined)
    const state = await action(
      {},
      form({ email: 'nope', password: 'x', confirm: 'x', confirmation: 'delete my account' }),
    )
    expect(state.fieldErrors?.email).toEqual(['Enter a valid email address'])
    expect(state.values).toEqual({ email: 'nope', confirmation: 'delete my account' })
  })

  it('turns a better-auth refusal into a form error', async () => {
    const action = validatedAction(schema, async () => {
      throw new APIError('UNAUTHORIZED', { message: 'Invalid email or password' })
    })
    expect((await action({}, form({ email: 'a@example.test', password: 'abc' }))).error).toBe(
      'Invalid email or password',
    )
  })

  it('lets any other failure propagate instead of disguising it as a refusal', async () => {
    const action = validatedAction(schema, async () => {
      throw new Error('D1 is unavailable')
    })
    await expect(action({}, form({ email: 'a@example.test', password: 'abc' }))).rejects.toThrow('D1 is unavailable')
  })
})

describe('isRefusal', () => {
  it('is true for 4xx APIErrors only', () => {
    expect(isRefusal(new APIError('BAD_REQUEST', { message: 'slug taken' }))).toBe(true)
    expect(isRefusal(new APIError('FORBIDDEN'))).toBe(true)
    expect(isRefusal(new APIError('INTERNAL_SERVER_ERROR'))).toBe(false)
    expect(isRefusal(new Error('network'))).toBe(false)
    expect(isRefusal(undefined)).toBe(false)
  })
})
