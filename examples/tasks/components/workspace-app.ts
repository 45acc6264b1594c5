// The app each workspace runs: the task list. The rest of the template reads the app from here.
export { tasksApp as workspaceApp } from './tasks'
