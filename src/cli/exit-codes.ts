/** Exit codes of the `cablegate` command. */
export const EXIT_OK = 0;
/** Something failed (an archive that cannot be opened, rejects in `parse`...). */
export const EXIT_FAILURE = 1;
/** The command line was wrong. */
export const EXIT_USAGE = 2;
