// State that belongs to one session — one user of one tenant: the profile's options of each module,
// the reference architecture, the loaded profile. Each such cache registers how to forget itself
// here, and the session store forgets them all when a session ends (sign-out, expiry) and when
// someone signs in, so signing into another tenant in the same tab never shows the previous
// tenant's options.
//
// A request still in flight when the session changes must not fill a cache afterwards: callers
// take `sessionGeneration()` when they start and drop the answer if it has changed since.

const resets = new Set<() => void>()
let generation = 0

/** Registers a cache's reset; returns a function that unregisters it. */
export function onSessionReset(reset: () => void): () => void {
  resets.add(reset)
  return () => resets.delete(reset)
}

/** Forgets every registered cache. Called by the session store; not meant for screens. */
export function resetSessionState(): void {
  generation++
  for (const reset of resets) reset()
}

/** Changes with every reset: an answer started under another generation belongs to another session. */
export function sessionGeneration(): number {
  return generation
}
