/** The cable id grammar (src/domain/cable-id.ts): the forms it names, and what it refuses (issue 21.3). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isCableId } from '../../src/domain/cable-id.js';

test('well-formed ids and the malformed forms WikiLeaks published are cable ids', () => {
  for (const id of [
    '10DAMASCUS159',
    '66BUENOSAIRES2481',
    '06AITTAIPEI2921',
    '06PORT-OF-SPAIN123',
    '09EFTOLONDON2187',
    '09SECTION01OF03SANJOSE525',
    '08SECTION01GF02BISHIEK21',
    '08ECTION01OF02MANAMA492',
    '0901OF02RPODUBAI288',
    '06ASTANA',
    '092OF5',
    '07KABUL1234SUSPECTEDDUPLICATE1',
  ]) {
    assert.equal(isCableId(id), true, id);
  }
});

test('anything else is refused: paths, URL characters, markup, lower case, spaces, no year', () => {
  for (const id of [
    '../../../etc/passwd',
    '07BOGOTA9205?X=<B>',
    '07BOGOTA9205<script>',
    '10DAMASCUS159.html',
    '10damascus159',
    '10 DAMASCUS 159',
    'DAMASCUS159',
    '1DAMASCUS159',
    '10DAMASCUS159%2F',
    '10DAMASCUS-',
    '',
    `10${'A'.repeat(80)}1`,
  ]) {
    assert.equal(isCableId(id), false, id);
  }
});
