// The workspace app the template's tests drive: the task list.
export { driver, fixtures } from '../components/tasks/testing.ts'
