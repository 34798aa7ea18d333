/**
 * Misspelt or glued signer surnames seen at the end of cables, and their corrected form
 * (several surnames separated by a space when two signers were glued together).
 */
export const SURNAME_FIXES: Readonly<Record<string, string>> = {
  ODONOHUE: "O'DONOHUE",
  BIGUSBELL: 'BIGUS BELL',
};
