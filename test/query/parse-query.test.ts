import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDateRange, parseQuery, parseClassificationValue, MAX_QUERY_PARTS } from '../../src/query/parse-query.js';
import { hasErrors, type QueryNode } from '../../src/query/query-ast.js';

const root = (q: string) => parseQuery(q).root;
const term = (text: string, field = 'any', prefix = false): QueryNode => ({ kind: 'term', field: field as 'any', text, prefix });

test('words: all must match (implicit AND)', () => {
  assert.deepEqual(root('widget minister'), { kind: 'and', children: [term('widget'), term('minister')] });
  assert.deepEqual(root('  widget  '), term('widget'));
  assert.equal(root(''), null);
  assert.equal(root('   '), null);
});

test('"exact phrase", prefix*, -excluded, NOT', () => {
  assert.deepEqual(root('"human rights"'), { kind: 'phrase', field: 'any', text: 'human rights' });
  assert.deepEqual(root('terror*'), term('terror', 'any', true));
  assert.deepEqual(root('iran -nuclear'), { kind: 'and', children: [term('iran'), { kind: 'not', child: term('nuclear') }] });
  assert.deepEqual(root('iran NOT nuclear'), { kind: 'and', children: [term('iran'), { kind: 'not', child: term('nuclear') }] });
  assert.deepEqual(root('-"a b"'), { kind: 'not', child: { kind: 'phrase', field: 'any', text: 'a b' } });
});

test('OR binds tighter than the space; parentheses group', () => {
  assert.deepEqual(root('a b OR c'), { kind: 'and', children: [term('a'), { kind: 'or', children: [term('b'), term('c')] }] });
  assert.deepEqual(root('(a b) OR c'), { kind: 'or', children: [{ kind: 'and', children: [term('a'), term('b')] }, term('c')] });
  assert.deepEqual(root('a AND b'), { kind: 'and', children: [term('a'), term('b')] });
});

test('field filters', () => {
  assert.deepEqual(root('tag:PTER'), { kind: 'filter', field: 'tag', value: 'PTER' });
  assert.deepEqual(root('origin:"Embassy Damascus"'), { kind: 'filter', field: 'origin', value: 'Embassy Damascus' });
  assert.deepEqual(root('classification:secret'), { kind: 'filter', field: 'classification', value: 'secret', classifications: ['SECRET', 'SECRET//NOFORN'] });
  assert.deepEqual(root('id:10DAMASCUS159'), { kind: 'filter', field: 'id', value: '10DAMASCUS159', prefix: false });
  assert.deepEqual(root('id:10DAMASCUS*'), { kind: 'filter', field: 'id', value: '10DAMASCUS', prefix: true });
  assert.deepEqual(root('subject:visit'), term('visit', 'subject'));
  assert.deepEqual(root('from:damascus'), term('damascus', 'from'));
  assert.deepEqual(root('to:"secstate washdc"'), { kind: 'phrase', field: 'to', text: 'secstate washdc' });
  assert.deepEqual(root('-tag:PREL'), { kind: 'not', child: { kind: 'filter', field: 'tag', value: 'PREL' } });
  assert.deepEqual(root('TAG:pter'), { kind: 'filter', field: 'tag', value: 'pter' });
});

test('dates and ranges', () => {
  assert.deepEqual(parseDateRange('2009'), { from: '2009', to: '2009' });
  assert.deepEqual(parseDateRange('2009-01..2009-06'), { from: '2009-01', to: '2009-06' });
  assert.deepEqual(parseDateRange('2010-12-01..'), { from: '2010-12-01', to: null });
  assert.deepEqual(parseDateRange('..2008'), { from: null, to: '2008' });
  assert.deepEqual(parseDateRange('2009-1-5'), { from: '2009-01-05', to: '2009-01-05' });
  for (const bad of ['2009-13', '2009-02-30', 'yesterday', '..', '2010..2009', '99', '2009-01-01..x']) assert.equal(parseDateRange(bad), null, bad);
  const q = parseQuery('created:2009-13');
  assert.ok(hasErrors(q));
  assert.match(q.problems[0].message, /not a date/);
  assert.match(q.problems[0].hint ?? '', /created:2009-01\.\.2009-06/);
  assert.deepEqual(root('released:2010-12-01..'), { kind: 'filter', field: 'released', value: '2010-12-01..', range: { from: '2010-12-01', to: null } });
});

test('classification values', () => {
  assert.deepEqual(parseClassificationValue('noforn'), ['SECRET//NOFORN', 'CONFIDENTIAL//NOFORN']);
  assert.deepEqual(parseClassificationValue('SECRET//NOFORN'), ['SECRET//NOFORN']);
  assert.deepEqual(parseClassificationValue('fouo'), ['UNCLASSIFIED//FOR OFFICIAL USE ONLY']);
  assert.equal(parseClassificationValue('topsecret'), null);
  const q = parseQuery('classification:topsecret');
  assert.ok(hasErrors(q));
  assert.match(q.problems[0].hint ?? '', /noforn/);
});

test('unknown fields and URLs are words', () => {
  assert.deepEqual(root('foo:bar'), term('foo:bar'));
  assert.deepEqual(root('https://example.org/x'), term('https://example.org/x'));
});

test('FTS5 keywords typed as words never become operators without operands', () => {
  assert.deepEqual(root('AND'), term('AND'));
  assert.deepEqual(root('NOT'), term('NOT'));
  assert.deepEqual(root('OR'), term('OR'));
  assert.deepEqual(root('NEAR'), term('NEAR'));
  assert.deepEqual(root('a OR'), { kind: 'and', children: [term('a'), term('OR')] });
  assert.deepEqual(root('NEAR(a b)'), { kind: 'and', children: [term('NEAR'), { kind: 'and', children: [term('a'), term('b')] }] });
});

test('hostile input never throws and is repaired with warnings', () => {
  const hostile = ['"open quote', '((((', '))))', 'a:', 'tag:', '"', '""', '-', '--a', '* * *', ':::', 'a"b"c', 'subject:"', "'; DROP TABLE cables; --", 'x'.repeat(5000), '\u0000\u0001abc', 'مرحبا بالعالم', '日本語', '🙂 emoji', '\\"', '{subject}:x', 'a NEAR/3 b', '^start', 'col:"x" OR', 'NOT NOT NOT', '- - -'];
  for (const h of hostile) {
    const q = parseQuery(h);
    assert.equal(typeof q.text, 'string', h);
    assert.ok(Array.isArray(q.problems), h);
  }
  assert.deepEqual(root('"open quote'), { kind: 'phrase', field: 'any', text: 'open quote' });
  assert.equal(parseQuery('"open quote').problems[0].severity, 'warning');
  assert.deepEqual(root('(a b'), { kind: 'and', children: [term('a'), term('b')] });
  assert.ok(parseQuery('x'.repeat(5000)).problems.some((p) => /longer than/.test(p.message)));
});

test('the number of parts is capped', () => {
  const q = parseQuery(Array.from({ length: MAX_QUERY_PARTS + 10 }, (_, i) => `w${i}`).join(' '));
  assert.equal(q.root?.kind, 'and');
  assert.equal((q.root as { children: unknown[] }).children.length, MAX_QUERY_PARTS);
  assert.ok(q.problems.some((p) => /only the first/.test(p.message)));
});

test('a quoted full classification name is exact; unquoted is the level', () => {
  assert.deepEqual(root('classification:"CONFIDENTIAL"'), { kind: 'filter', field: 'classification', value: 'CONFIDENTIAL', classifications: ['CONFIDENTIAL'] });
  assert.deepEqual(root('classification:confidential'), { kind: 'filter', field: 'classification', value: 'confidential', classifications: ['CONFIDENTIAL', 'CONFIDENTIAL//NOFORN'] });
  assert.deepEqual(root('classification:"secret//noforn"'), { kind: 'filter', field: 'classification', value: 'secret//noforn', classifications: ['SECRET//NOFORN'] });
});
