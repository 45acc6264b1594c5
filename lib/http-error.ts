// One shape for every error the Worker answers itself: { error: { code, message } } with a 4xx status.
export type ErrorBody = { error: { code: string; message: string } }

export const errorResponse = (status: number, code: string, message: string): Response =>
  Response.json({ error: { code, message } } satisfies ErrorBody, {
    status,
    headers: { 'cache-control': 'no-store' },
  })
