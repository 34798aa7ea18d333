/**
 * The routing header (middle box): transmission line (`DE RUEHDM #0159/01 0551408`),
 * precedence + DTG line (`P 241408Z FEB 10`), FM line. Pure.
 */
import type { Precedence } from '../domain/cable.js';
import { parseDtg, type Dtg } from './dtg.js';

export interface RoutingHeader {
  transmissionId: string | null;
  originRoute: string | null;
  /** Serial from the transmission id (`#0159` -> `159`), or null. */
  transmissionSerial: string | null;
  precedence: Precedence | null;
  dtg: Dtg | null;
  /** FM station as written (`AMEMBASSY DAMASCUS`), or null. */
  from: string | null;
}

const PRECEDENCE_LETTER: Record<string, Precedence> = { Z: 'FLASH', O: 'IMMEDIATE', P: 'PRIORITY', R: 'ROUTINE' };

export function parseRoutingHeader(header: string): RoutingHeader {
  const out: RoutingHeader = { transmissionId: null, originRoute: null, transmissionSerial: null, precedence: null, dtg: null, from: null };
  const lines = header.split('\n').map((l) => l.replace(/\r$/, '').trim());
  for (const line of lines) {
    if (out.transmissionId === null) {
      const de = /^DE\s+([A-Z]{4,7})\s*#\s*(\d+)(.*)$/.exec(line);
      if (de) {
        out.originRoute = de[1];
        out.transmissionId = `${de[1]} #${de[2]}${de[3].replace(/\s+/g, ' ').trimEnd()}`;
        out.transmissionSerial = String(parseInt(de[2], 10));
        continue;
      }
    }
    if (out.dtg === null) {
      const pd = /^((?:[ZOPR]{1,2}\s+)*)(\d{6}Z\s*[A-Z]{3}\s*\d{2,4})\b/.exec(line);
      if (pd) {
        const dtg = parseDtg(pd[2]);
        if (dtg) {
          out.dtg = dtg;
          const letter = pd[1].trim()[0];
          if (letter) out.precedence = PRECEDENCE_LETTER[letter] ?? null;
          continue;
        }
      }
    }
    if (out.from === null) {
      const fm = /^FM\s+(.+)$/.exec(line);
      if (fm) out.from = fm[1].trim();
    }
  }
  if (out.dtg === null) {
    // No DTG line of its own: take the first DTG anywhere in the header.
    out.dtg = parseDtg(header);
  }
  return out;
}
