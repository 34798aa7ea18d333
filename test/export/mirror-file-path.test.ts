/** Where a site path lives in a mirror folder, and the paths that have no file. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mirrorFileForPath, pathForMirrorFile } from '../../src/export/mirror-file-path.js';

test('plain and encoded paths map to files, and back', () => {
  assert.equal(mirrorFileForPath('/cable/2010/02/10DAMASCUS1.html'), 'cable/2010/02/10DAMASCUS1.html');
  assert.equal(mirrorFileForPath('/'), 'index.html');
  assert.equal(mirrorFileForPath('/tag/'), 'tag/index.html');
  assert.equal(mirrorFileForPath('/origin/Embassy%20Paris/0.html'), 'origin/Embassy Paris/0.html');
  assert.equal(mirrorFileForPath('/a.b/c~d_e-f.json'), 'a.b/c~d_e-f.json');
  for (const file of ['cable/2010/02/10DAMASCUS1.html', 'origin/Embassy Paris/0.html', 'tag/KPAO+X/1.json']) {
    assert.equal(mirrorFileForPath(pathForMirrorFile(file)), file);
  }
});

test('paths a static file server could not map back have no file', () => {
  for (const p of ['', 'cable/x.html', '//x', '/a//b', '/a/./b', '/a/../b', '/..', '/.', '/a/%2F/b', '/a%5Cb', '/a%00b', '/a?b', '/a#b', '/%E0%A4%A']) {
    assert.equal(mirrorFileForPath(p), null, JSON.stringify(p));
  }
});

test('a cable path whose id is outside the cable id grammar has no file (issue 21.3)', () => {
  for (const id of ['07BOGOTA9205?X=<B>', '../../../etc/passwd', 'lowercase1', 'X']) {
    for (const ext of ['html', 'json']) assert.equal(mirrorFileForPath(`/cable/2007/01/${encodeURIComponent(id)}.${ext}`), null, id);
    assert.equal(mirrorFileForPath(`/cable/2007/01/${encodeURIComponent(id)}/versions.html`), null, id);
  }
  assert.equal(mirrorFileForPath('/cable/2008/01/08SECTION01GF02BISHIEK21.html'), 'cable/2008/01/08SECTION01GF02BISHIEK21.html');
  assert.equal(mirrorFileForPath('/cable/2010/02/10DAMASCUS159/diff-1-2.json'), 'cable/2010/02/10DAMASCUS159/diff-1-2.json');
});
