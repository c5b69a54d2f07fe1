/**
 * Tests that need something of the machine (root to mount a tmpfs, say) skip only on a developer's machine: in CI
 * (`CI` set, or the named `YUAN_REQUIRE_*` variable = 1) they run and fail loudly when it is missing.
 * (A minimal stand-in until the shared "require tool" helper of the test-infrastructure work lands.)
 */
export function skipUnless(available: boolean, requireVar: string): boolean {
  if (available) return false;
  const required = process.env[requireVar] === '1' || (process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== '0' && process.env.CI !== 'false');
  return !required;
}
