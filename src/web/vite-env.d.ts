/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** `off` hides the demo password hint on the sign-in page (production builds). */
  readonly VITE_DEMO_HINT?: string;
}
