/** A misuse of the scheduler by engine code (time in the past, unknown kind): a bug in the engine, not in the script. */
export class SchedulerError extends Error {
  override readonly name = 'SchedulerError'
}
