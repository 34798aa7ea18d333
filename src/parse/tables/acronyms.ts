/**
 * Acronyms kept upper-case by `titlefy` although they contain vowels (vowel-less
 * all-caps words such as `MTCR` or `NSC` are recognised by rule).
 */
export const ACRONYMS: ReadonlySet<string> = new Set(
  `
AIT AMB ASEAN AU CIA DEA DOD DOE DOJ DOS DRC EU EUCOM FARC FBI FM FTA FTAA GAERC GOA GOE GOI GOJ GOL GOM GON GOP
GOS GOU GOV GOZ GPC HAMAS IAEA ICC ICE ICTY IDF IDP IMF INL IO IRGC ISAF JEM LTTE MFA MONUC NATO NEA
NGO OAS OECD OSCE PA PKK PLO PM PRC PRT ROK ROC SACU SADC SAG SCO SLA UAE UK UN UNAMA UNDP UNESCO
UNHCR UNICEF UNIFIL UNMIK UNSC UNSCR US USA USAID USEU USG USUN VARIG WFP WHO WTO
`
    .split(/\s+/)
    .filter(Boolean),
);
