/// <reference types="vite/client" />
// Vite's additions to `import.meta`, for the glob import in assets/artPack.ts.
