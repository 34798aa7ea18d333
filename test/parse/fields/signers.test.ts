import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSigners } from '../../../src/parse/fields/index.js';

const signers = (s: string) => parseSigners(s, { canonicalize: false });

test('signers: trailing ## after the surname is dropped', () => {
  assert.deepEqual(signers('THE FISH ARE WET.\n\nDOE##\n'), ['DOE']);
});

test('signers: surname closing the last sentence', () => {
  assert.deepEqual(signers('THIS REPORT WAS COMPILED BY OTHERS.  END OF TEXT. ROE\n\n\nUNCLASSIFIED\n'), ['ROE']);
  assert.deepEqual(signers('21.  LIMA MINIMIZE CONSIDERED.  ROE\n'), ['ROE']);
  // A closing word that is no name is not taken.
  assert.deepEqual(signers('WE WILL REPORT.  END\n'), []);
});

test('signers: NOTE lines and id/classification trailers are skipped', () => {
  assert.deepEqual(signers('END COMMENT.\nDOE\n\nNOTE: NOT PASSED TO ABOVE ADDRESSEE(S)\n\n     CONFIDENTIAL'), ['DOE']);
  assert.deepEqual(signers('text.\nDOE\n\n\nNNNN\n\n      2004LIMA01540 - UNCLASSIFIED'), ['DOE']);
});
