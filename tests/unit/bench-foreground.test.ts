// The browser benchmark's "own machine" send cost (bench/browser/foreground.mjs): while it measures, every other
// process the benchmark started runs at the lowest priority, the measured browser's process tree keeps its own,
// and everything gets its priority back afterwards, also when the measure fails.
import { type ChildProcess, spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { getPriority } from 'node:os'

import { afterEach, describe, expect, it } from 'vitest'

import { withOthersInBackground } from '../../bench/browser/foreground.mjs'

const children: ChildProcess[] = []
// Detached, as Playwright starts a browser and the suite its server: each in a session of its own.
const start = (command: string, ...args: string[]) => {
  const child = spawn(command, args, { detached: true, stdio: 'ignore' })
  children.push(child)
  return child.pid as number
}
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL')
})

const linux = process.platform === 'linux'
const autogroupsOn = linux && readFileSync('/proc/sys/kernel/sched_autogroup_enabled', 'utf8').trim() === '1'
// What the scheduler weighs for a process under each way of lowering it.
const niceOf = (pid: number) =>
  autogroupsOn ? Number(/nice (-?\d+)/.exec(readFileSync(`/proc/${pid}/autogroup`, 'utf8'))?.[1]) : getPriority(pid)

describe('withOthersInBackground', () => {
  it('lowers nothing where it cannot (not Linux), and runs the measure', async () => {
    const { result, othersLowered } = await withOthersInBackground(process.pid, async () => 1)
    expect(result).toBe(1)
    // On Linux this process is not a browser's renderer, and it started no other processes: nothing to lower.
    expect(othersLowered).toBeNull()
  })

  it.runIf(linux)(
    'lowers the other processes while it runs, not the measured one, and restores them after',
    async () => {
      // "Ann's browser": a process whose child stands for its renderer; "the server": another process tree.
      const ann = start('sh', '-c', 'sleep 30 & wait')
      const server = start('sh', '-c', 'sleep 30 & wait')
      await new Promise((resolve) => setTimeout(resolve, 200))
      const before = { ann: niceOf(ann), server: niceOf(server) }
      const { result, othersLowered } = await withOthersInBackground(ann, async () => ({
        ann: niceOf(ann),
        server: niceOf(server),
      }))
      expect(othersLowered).toBe(autogroupsOn ? 'autogroup' : 'threads')
      expect(result).toEqual({ ann: before.ann, server: 19 })
      expect({ ann: niceOf(ann), server: niceOf(server) }).toEqual(before)
    },
  )

  it.runIf(linux)('restores them when the measure throws', async () => {
    const ann = start('sleep', '30')
    const server = start('sleep', '30')
    await new Promise((resolve) => setTimeout(resolve, 200))
    const before = niceOf(server)
    await expect(
      withOthersInBackground(ann, async () => {
        expect(niceOf(server)).toBe(19)
        throw new Error('the measure failed')
      }),
    ).rejects.toThrow('the measure failed')
    expect(niceOf(server)).toBe(before)
  })

  it.runIf(linux)('changes nothing when the renderer is not one of its processes', async () => {
    const server = start('sleep', '30')
    await new Promise((resolve) => setTimeout(resolve, 200))
    const { result, othersLowered } = await withOthersInBackground(1, async () => niceOf(server))
    expect(othersLowered).toBeNull()
    expect(result).toBe(niceOf(server))
  })
})
