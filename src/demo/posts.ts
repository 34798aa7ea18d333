/**
 * Posts (sending stations) of the demo corpus: real embassy and consulate city
 * names, each with the country it covers, its country tag and a relative volume.
 * Station codes are the city name upper-cased without spaces, so ids look like
 * the real ones (`09DAMASCUS1234`); route codes are made up.
 */
export interface DemoPost {
  /** Display name, e.g. `Embassy Damascus`. */
  origin: string;
  /** Station part of the reference id, e.g. `DAMASCUS`. */
  station: string;
  /** How the post is written in routing and REF lines, e.g. `KUALA LUMPUR`. */
  place: string;
  /** `FM` line of the header, e.g. `AMEMBASSY DAMASCUS`. */
  from: string;
  /** Routing indicator, e.g. `RUEHDM`. */
  route: string;
  /** Country name as the text writes it, e.g. `SYRIA`. */
  country: string;
  /** Country tag, e.g. `SY`. */
  countryTag: string;
  /** Relative number of cables. */
  weight: number;
}

type Row = [kind: 'E' | 'C' | 'M' | 'S', city: string, country: string, tag: string, weight: number];

// kind: E embassy, C consulate, M mission, S the Department.
const ROWS: Row[] = [
  ['S', 'State', 'UNITED STATES', 'US', 60],
  ['E', 'Baghdad', 'IRAQ', 'IZ', 30],
  ['E', 'Tokyo', 'JAPAN', 'JA', 22],
  ['E', 'Ankara', 'TURKEY', 'TU', 14],
  ['E', 'Cairo', 'EGYPT', 'EG', 11],
  ['E', 'Kabul', 'AFGHANISTAN', 'AF', 12],
  ['E', 'Islamabad', 'PAKISTAN', 'PK', 10],
  ['E', 'Beijing', 'CHINA', 'CH', 13],
  ['E', 'Moscow', 'RUSSIA', 'RS', 12],
  ['E', 'Paris', 'FRANCE', 'FR', 11],
  ['E', 'London', 'UNITED KINGDOM', 'UK', 10],
  ['E', 'Berlin', 'GERMANY', 'GM', 9],
  ['E', 'Madrid', 'SPAIN', 'SP', 8],
  ['E', 'Rome', 'ITALY', 'IT', 8],
  ['E', 'Brasilia', 'BRAZIL', 'BR', 7],
  ['E', 'Buenos Aires', 'ARGENTINA', 'AR', 7],
  ['E', 'Bogota', 'COLOMBIA', 'CO', 8],
  ['E', 'Caracas', 'VENEZUELA', 'VE', 7],
  ['E', 'Mexico', 'MEXICO', 'MX', 9],
  ['E', 'Ottawa', 'CANADA', 'CA', 6],
  ['E', 'Damascus', 'SYRIA', 'SY', 6],
  ['E', 'Beirut', 'LEBANON', 'LE', 8],
  ['E', 'Amman', 'JORDAN', 'JO', 9],
  ['E', 'Riyadh', 'SAUDI ARABIA', 'SA', 7],
  ['E', 'Kuwait', 'KUWAIT', 'KU', 6],
  ['E', 'Doha', 'QATAR', 'QA', 4],
  ['E', 'Manama', 'BAHRAIN', 'BA', 4],
  ['E', 'Muscat', 'OMAN', 'MU', 3],
  ['E', 'Sanaa', 'YEMEN', 'YM', 4],
  ['E', 'Abu Dhabi', 'UNITED ARAB EMIRATES', 'AE', 5],
  ['E', 'Tel Aviv', 'ISRAEL', 'IS', 9],
  ['E', 'Tunis', 'TUNISIA', 'TS', 4],
  ['E', 'Algiers', 'ALGERIA', 'AG', 3],
  ['E', 'Rabat', 'MOROCCO', 'MO', 4],
  ['E', 'Tripoli', 'LIBYA', 'LY', 2],
  ['E', 'Khartoum', 'SUDAN', 'SU', 5],
  ['E', 'Addis Ababa', 'ETHIOPIA', 'ET', 5],
  ['E', 'Nairobi', 'KENYA', 'KE', 6],
  ['E', 'Kampala', 'UGANDA', 'UG', 3],
  ['E', 'Kigali', 'RWANDA', 'RW', 2],
  ['E', 'Dar Es Salaam', 'TANZANIA', 'TZ', 3],
  ['E', 'Pretoria', 'SOUTH AFRICA', 'SF', 6],
  ['E', 'Harare', 'ZIMBABWE', 'ZI', 4],
  ['E', 'Lusaka', 'ZAMBIA', 'ZA', 2],
  ['E', 'Luanda', 'ANGOLA', 'AO', 2],
  ['E', 'Maputo', 'MOZAMBIQUE', 'MZ', 2],
  ['E', 'Kinshasa', 'DEMOCRATIC REPUBLIC OF THE CONGO', 'CG', 4],
  ['E', 'Abuja', 'NIGERIA', 'NI', 5],
  ['E', 'Accra', 'GHANA', 'GH', 3],
  ['E', 'Dakar', 'SENEGAL', 'SG', 3],
  ['E', 'Bamako', 'MALI', 'ML', 2],
  ['E', 'Niamey', 'NIGER', 'NG', 2],
  ['E', 'Abidjan', 'COTE D IVOIRE', 'IV', 3],
  ['E', 'Monrovia', 'LIBERIA', 'LI', 2],
  ['E', 'Freetown', 'SIERRA LEONE', 'SL', 1],
  ['E', 'Conakry', 'GUINEA', 'GV', 1],
  ['E', 'Yaounde', 'CAMEROON', 'CM', 2],
  ['E', 'Ndjamena', 'CHAD', 'CD', 2],
  ['E', 'Djibouti', 'DJIBOUTI', 'DJ', 2],
  ['E', 'Asmara', 'ERITREA', 'ER', 2],
  ['E', 'Antananarivo', 'MADAGASCAR', 'MA', 2],
  ['E', 'Gaborone', 'BOTSWANA', 'BC', 1],
  ['E', 'Windhoek', 'NAMIBIA', 'WA', 1],
  ['E', 'Lilongwe', 'MALAWI', 'MI', 1],
  ['E', 'Tehran', 'IRAN', 'IR', 1],
  ['E', 'New Delhi', 'INDIA', 'IN', 7],
  ['E', 'Colombo', 'SRI LANKA', 'CE', 4],
  ['E', 'Dhaka', 'BANGLADESH', 'BG', 4],
  ['E', 'Kathmandu', 'NEPAL', 'NP', 3],
  ['E', 'Bangkok', 'THAILAND', 'TH', 8],
  ['E', 'Hanoi', 'VIETNAM', 'VM', 5],
  ['E', 'Jakarta', 'INDONESIA', 'ID', 6],
  ['E', 'Kuala Lumpur', 'MALAYSIA', 'MY', 4],
  ['E', 'Manila', 'PHILIPPINES', 'RP', 5],
  ['E', 'Singapore', 'SINGAPORE', 'SN', 4],
  ['E', 'Phnom Penh', 'CAMBODIA', 'CB', 3],
  ['E', 'Vientiane', 'LAOS', 'LA', 2],
  ['E', 'Rangoon', 'BURMA', 'BM', 3],
  ['E', 'Seoul', 'SOUTH KOREA', 'KS', 7],
  ['E', 'Ulaanbaatar', 'MONGOLIA', 'MG', 2],
  ['E', 'Canberra', 'AUSTRALIA', 'AS', 4],
  ['E', 'Wellington', 'NEW ZEALAND', 'NZ', 2],
  ['E', 'Astana', 'KAZAKHSTAN', 'KZ', 3],
  ['E', 'Tashkent', 'UZBEKISTAN', 'UZ', 3],
  ['E', 'Bishkek', 'KYRGYZSTAN', 'KG', 2],
  ['E', 'Dushanbe', 'TAJIKISTAN', 'TI', 2],
  ['E', 'Ashgabat', 'TURKMENISTAN', 'TX', 2],
  ['E', 'Baku', 'AZERBAIJAN', 'AJ', 3],
  ['E', 'Tbilisi', 'GEORGIA', 'GG', 3],
  ['E', 'Yerevan', 'ARMENIA', 'AM', 2],
  ['E', 'Kyiv', 'UKRAINE', 'UP', 4],
  ['E', 'Minsk', 'BELARUS', 'BO', 2],
  ['E', 'Chisinau', 'MOLDOVA', 'MD', 2],
  ['E', 'Warsaw', 'POLAND', 'PL', 4],
  ['E', 'Prague', 'CZECH REPUBLIC', 'EZ', 3],
  ['E', 'Bratislava', 'SLOVAKIA', 'LO', 2],
  ['E', 'Budapest', 'HUNGARY', 'HU', 3],
  ['E', 'Vienna', 'AUSTRIA', 'AU', 4],
  ['E', 'Bern', 'SWITZERLAND', 'SZ', 2],
  ['E', 'Brussels', 'BELGIUM', 'BE', 4],
  ['E', 'Luxembourg', 'LUXEMBOURG', 'LU', 1],
  ['E', 'Copenhagen', 'DENMARK', 'DA', 2],
  ['E', 'Oslo', 'NORWAY', 'NO', 2],
  ['E', 'Stockholm', 'SWEDEN', 'SW', 3],
  ['E', 'Helsinki', 'FINLAND', 'FI', 2],
  ['E', 'Reykjavik', 'ICELAND', 'IC', 1],
  ['E', 'Dublin', 'IRELAND', 'EI', 2],
  ['E', 'Lisbon', 'PORTUGAL', 'PO', 2],
  ['E', 'Athens', 'GREECE', 'GR', 4],
  ['E', 'Nicosia', 'CYPRUS', 'CY', 2],
  ['E', 'Valletta', 'MALTA', 'MT', 1],
  ['E', 'Sofia', 'BULGARIA', 'BU', 3],
  ['E', 'Bucharest', 'ROMANIA', 'RO', 3],
  ['E', 'Belgrade', 'SERBIA', 'SR', 3],
  ['E', 'Zagreb', 'CROATIA', 'HR', 2],
  ['E', 'Sarajevo', 'BOSNIA AND HERZEGOVINA', 'BK', 3],
  ['E', 'Skopje', 'MACEDONIA', 'MK', 2],
  ['E', 'Tirana', 'ALBANIA', 'AL', 2],
  ['E', 'Pristina', 'KOSOVO', 'KV', 2],
  ['E', 'Ljubljana', 'SLOVENIA', 'SI', 1],
  ['E', 'Tallinn', 'ESTONIA', 'EN', 1],
  ['E', 'Riga', 'LATVIA', 'LG', 1],
  ['E', 'Vilnius', 'LITHUANIA', 'LH', 1],
  ['E', 'Lima', 'PERU', 'PE', 4],
  ['E', 'Quito', 'ECUADOR', 'EC', 3],
  ['E', 'La Paz', 'BOLIVIA', 'BL', 3],
  ['E', 'Santiago', 'CHILE', 'CI', 4],
  ['E', 'Asuncion', 'PARAGUAY', 'PA', 2],
  ['E', 'Montevideo', 'URUGUAY', 'UY', 2],
  ['E', 'Panama', 'PANAMA', 'PM', 3],
  ['E', 'San Jose', 'COSTA RICA', 'CS', 3],
  ['E', 'Managua', 'NICARAGUA', 'NU', 3],
  ['E', 'Tegucigalpa', 'HONDURAS', 'HO', 3],
  ['E', 'San Salvador', 'EL SALVADOR', 'ES', 3],
  ['E', 'Guatemala', 'GUATEMALA', 'GT', 3],
  ['E', 'Santo Domingo', 'DOMINICAN REPUBLIC', 'DR', 3],
  ['E', 'Kingston', 'JAMAICA', 'JM', 2],
  ['E', 'Bridgetown', 'BARBADOS', 'BB', 2],
  ['E', 'Nassau', 'BAHAMAS', 'BF', 1],
  ['E', 'Georgetown', 'GUYANA', 'GY', 1],
  ['E', 'Paramaribo', 'SURINAME', 'NS', 1],
  ['C', 'Sao Paulo', 'BRAZIL', 'BR', 3],
  ['C', 'Istanbul', 'TURKEY', 'TU', 3],
  ['C', 'Jerusalem', 'ISRAEL', 'IS', 3],
  ['C', 'Dubai', 'UNITED ARAB EMIRATES', 'AE', 2],
  ['C', 'Jeddah', 'SAUDI ARABIA', 'SA', 2],
  ['C', 'Shanghai', 'CHINA', 'CH', 3],
  ['C', 'Guangzhou', 'CHINA', 'CH', 2],
  ['C', 'Chengdu', 'CHINA', 'CH', 2],
  ['C', 'Shenyang', 'CHINA', 'CH', 1],
  ['C', 'Hong Kong', 'CHINA', 'HK', 4],
  ['C', 'Mumbai', 'INDIA', 'IN', 2],
  ['C', 'Chennai', 'INDIA', 'IN', 2],
  ['C', 'Kolkata', 'INDIA', 'IN', 1],
  ['C', 'Karachi', 'PAKISTAN', 'PK', 2],
  ['C', 'Lahore', 'PAKISTAN', 'PK', 1],
  ['C', 'Peshawar', 'PAKISTAN', 'PK', 1],
  ['C', 'Monterrey', 'MEXICO', 'MX', 2],
  ['C', 'Guadalajara', 'MEXICO', 'MX', 1],
  ['C', 'Tijuana', 'MEXICO', 'MX', 1],
  ['C', 'Toronto', 'CANADA', 'CA', 1],
  ['C', 'Montreal', 'CANADA', 'CA', 1],
  ['C', 'Frankfurt', 'GERMANY', 'GM', 2],
  ['C', 'Munich', 'GERMANY', 'GM', 1],
  ['C', 'Milan', 'ITALY', 'IT', 1],
  ['C', 'Barcelona', 'SPAIN', 'SP', 1],
  ['C', 'Casablanca', 'MOROCCO', 'MO', 1],
  ['C', 'Lagos', 'NIGERIA', 'NI', 2],
  ['C', 'Johannesburg', 'SOUTH AFRICA', 'SF', 1],
  ['C', 'Cape Town', 'SOUTH AFRICA', 'SF', 1],
  ['C', 'Osaka Kobe', 'JAPAN', 'JA', 2],
  ['C', 'Naha', 'JAPAN', 'JA', 2],
  ['C', 'Ho Chi Minh City', 'VIETNAM', 'VM', 2],
  ['C', 'Chiang Mai', 'THAILAND', 'TH', 1],
  ['C', 'Basrah', 'IRAQ', 'IZ', 2],
  ['C', 'Kirkuk', 'IRAQ', 'IZ', 1],
  ['C', 'Adana', 'TURKEY', 'TU', 1],
  ['C', 'Vladivostok', 'RUSSIA', 'RS', 1],
  ['C', 'Yekaterinburg', 'RUSSIA', 'RS', 1],
  ['M', 'USNATO', 'NATO', 'NATO', 4],
  ['M', 'Geneva', 'SWITZERLAND', 'SZ', 3],
];

function routeFor(station: string, taken: Set<string>): string {
  const letters = station.replace(/[^A-Z]/g, '');
  for (let i = 1; i < letters.length; i++) {
    for (let j = i; j < letters.length; j++) {
      const code = `RUEH${letters[0]}${letters[j]}`;
      if (!taken.has(code)) {
        taken.add(code);
        return code;
      }
    }
  }
  for (let n = 0; ; n++) {
    const code = `RUEH${letters[0]}${String.fromCharCode(65 + (n % 26))}`;
    if (!taken.has(code)) {
      taken.add(code);
      return code;
    }
  }
}

function buildPosts(): DemoPost[] {
  const taken = new Set<string>(['RUEHC']);
  return ROWS.map(([kind, city, country, countryTag, weight]) => {
    const place = city.toUpperCase();
    const station = place.replace(/[^A-Z]/g, '');
    if (kind === 'S') {
      return { origin: 'Secretary of State', station: 'STATE', place: 'STATE', from: 'SECSTATE WASHDC', route: 'RUEHC', country, countryTag, weight };
    }
    const origin = kind === 'E' ? `Embassy ${city}` : kind === 'C' ? `Consulate ${city}` : `Mission ${city}`;
    const from = kind === 'E' ? `AMEMBASSY ${place}` : kind === 'C' ? `AMCONSUL ${place}` : `USMISSION ${place}`;
    return { origin, station, place, from, route: routeFor(station, taken), country, countryTag, weight };
  });
}

export const DEMO_POSTS: readonly DemoPost[] = buildPosts();
