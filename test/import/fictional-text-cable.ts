/** A fictional plain-text cable in the real format (no real cable text), for import tests. */
export function fictionalTextCable(serial: number, paragraph = 'This is a fictional cable written for a test.'): string {
  const n = String(serial).padStart(4, '0');
  return `VZCZCXRO${n}
PP RUEHDE
DE RUEHRR #${n}/01 0051200
ZNY CCCCC ZZH
P 051200Z JAN 09
FM AMEMBASSY RURITANIA
TO RUEHC/SECSTATE WASHDC PRIORITY ${n}
BT
C O N F I D E N T I A L RURITANIA 00${n}

SIPDIS

E.O. 12958: DECL: 01/05/2019
TAGS: PREL, PGOV
SUBJECT: FICTIONAL TEST CABLE NUMBER ${serial}

Classified By: Ambassador A. Nobody for reasons 1.4 (b) and (d).

1. (C) ${paragraph}
NOBODY
`;
}

/** Canonical id the parser derives from `fictionalTextCable(serial)`. */
export function fictionalTextCableId(serial: number): string {
  return `09RURITANIA${serial}`;
}
