/**
 * Whether the drawings of the screens past the menu have arrived. The preloader shows the menu as
 * soon as the menu's own drawings are in and goes on loading the rest behind it; the scene router
 * holds any other screen until they are in, as it holds the scenes whose code is still on its way.
 */
let arrived = false;
let announce: () => void = () => {};
const allArt = new Promise<void>((resolve) => {
  announce = resolve;
});

export function laterArtReady(): boolean {
  return arrived;
}

/** Resolves once the later drawings are in (each one loaded or failed, as the loader reports them). */
export function laterArt(): Promise<void> {
  return allArt;
}

/** Called once by the preloader when its second batch is complete. */
export function markLaterArtLoaded(): void {
  arrived = true;
  announce();
}
