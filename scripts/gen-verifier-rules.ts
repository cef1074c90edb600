// Writes docs/verifier-rules.md from the rule catalogue (`npm run docs:rules`), formatted as the repository's
// Prettier settings format Markdown, so that `prettier --check` and the currency test agree.
import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { format, resolveConfig } from 'prettier'
import { renderRuleCatalogue } from '../core/verifier/markdown'

async function main(): Promise<void> {
  const target = resolve(__dirname, '../docs/verifier-rules.md')
  const options = (await resolveConfig(target)) ?? {}
  writeFileSync(target, await format(renderRuleCatalogue(), { ...options, parser: 'markdown' }))
  console.log('wrote ' + target)
}

void main()
