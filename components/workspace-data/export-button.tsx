'use client'

// Downloads the workspace's data as JSON, from the local store (so it works offline too): the workspace,
// its members, and what the workspace app exports (components/workspace-app.ts).
import { Button } from '@/components/ui/button'
import { workspaceApp } from '@/components/workspace-app'
import { StoreIsland, useWorkspaceStore } from '@/components/workspace-store/store'
import { useWorkspace } from '@/components/workspace-store/workspace-context'

function ExportButtonInner() {
  const store = useWorkspaceStore()
  const { workspaceId, name, slug, memberNames } = useWorkspace()
  const download = () => {
    const data = {
      format: 'workspace-export/v1',
      exportedAt: new Date().toISOString(),
      workspace: { id: workspaceId, name, slug },
      members: Object.entries(memberNames).map(([id, memberName]) => ({ id, name: memberName })),
      ...workspaceApp.exportData(store),
    }
    const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' })
    const url = URL.createObjectURL(blob)
    const link = document.createElement('a')
    link.href = url
    link.download = `${slug}-${data.exportedAt.slice(0, 10)}.json`
    link.click()
    setTimeout(() => URL.revokeObjectURL(url), 1000)
  }
  return (
    <Button type="button" variant="secondary" onClick={download}>
      Export data (JSON)
    </Button>
  )
}

export function ExportButton() {
  return (
    // Nothing to export from a store that could not open (the page's notice says why).
    <StoreIsland fallback={null} failed={() => null}>
      <ExportButtonInner />
    </StoreIsland>
  )
}
