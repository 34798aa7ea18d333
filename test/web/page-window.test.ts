import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pageWindow } from '../../src/web/browse-page.js';
test('the paginator names page 0, four pages either side, and the last page on page 0 only', () => {
  assert.deepEqual(pageWindow(0, 1), [0]);
  assert.deepEqual(pageWindow(0, 3), [0, 1, 2]);
  assert.deepEqual(pageWindow(0, 20), [0, 1, 2, 3, 4, 19]);
  assert.deepEqual(pageWindow(10, 20), [0, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
  assert.deepEqual(pageWindow(19, 20), [0, 15, 16, 17, 18, 19]);
});
