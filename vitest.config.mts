import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'

export default defineConfig({
  plugins: [vue()],
  test: {
    include: ['test/**/*.test.ts'],
    // Component tests opt in to happy-dom with a `// @vitest-environment happy-dom` comment.
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Browser tests share one machine with two cores: keep parallelism modest.
    maxWorkers: 2,
  },
})
