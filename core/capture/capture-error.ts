/** Why a capture file was refused. */
export type CaptureErrorReason =
  'empty' | 'bad-magic' | 'unsupported-version' | 'truncated' | 'bad-length' | 'bad-block' | 'link-type'

/**
 * The only exception the capture reader throws on bad input. The message names the file, the byte offset and the
 * reason, as the CLI's exit code 2 wants (docs/cli.md, "Exit codes").
 */
export class CaptureError extends Error {
  override readonly name = 'CaptureError'

  constructor(
    readonly file: string,
    readonly offset: number,
    readonly reason: CaptureErrorReason,
    readonly detail: string,
  ) {
    super(`${file}: byte ${offset}: ${detail}`)
  }
}
