// An enum constant as people read it: REVEAL_AFTER_COMMIT -> "Reveal after commit" (as the server's Words.of).
export function words(constant) {
  const name = String(constant ?? '').trim().replaceAll('_', ' ').toLowerCase();
  return name ? name[0].toUpperCase() + name.slice(1) : '';
}
