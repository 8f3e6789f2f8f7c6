import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

// The console is served by the Simpul server from web/dist at '/'; in development Vite serves it and
// forwards the API to a locally running server (override with SIMPUL_API, e.g. http://127.0.0.1:9000).
const apiTarget = process.env.SIMPUL_API ?? 'http://127.0.0.1:8080'

export default defineConfig({
  base: '/',
  plugins: [vue()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/healthz': { target: apiTarget },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // ECharts (about 620 kB with the bar, line and radar charts) is loaded only with a chart; Element
    // Plus is tree-shaken per route because every component is imported where it is used.
    chunkSizeWarningLimit: 650,
    rollupOptions: {
      output: {
        manualChunks(id: string) {
          if (id.includes('node_modules/echarts') || id.includes('node_modules/zrender')) return 'echarts'
          if (id.includes('node_modules/write-excel-file')) return 'xlsx'
          return undefined
        },
      },
    },
  },
})
