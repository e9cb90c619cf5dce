/**
 * Writers' areas for the demo data: Amnesty's five global regions, countries weighted roughly by
 * the section figures in domain-facts.md, and a few ISO 3166-2 subdivisions and cities each.
 */
export interface DemoCountry {
  code: string;
  region: string;
  weight: number;
  subdivisions: string[];
  cities: string[];
}

const c = (code: string, region: string, weight: number, subdivisions: string[], cities: string[]): DemoCountry => ({
  code,
  region,
  weight,
  subdivisions,
  cities,
});

const AM = 'Americas';
const EU = 'Europe and Central Asia';
const AP = 'Asia-Pacific';
const AF = 'Africa';
const ME = 'Middle East and North Africa';

export const REGIONS = [AF, AM, AP, EU, ME];

export const DEMO_COUNTRIES: DemoCountry[] = [
  c('US', AM, 26, ['US-CA', 'US-NY', 'US-IL', 'US-MA', 'US-TX', 'US-WA', 'US-GA', 'US-PA', 'US-OR', 'US-MN', 'US-DC', 'US-VA'],
    ['Chicago', 'Boston', 'Oakland', 'Brooklyn', 'Austin', 'Seattle', 'Atlanta', 'Portland', 'Minneapolis', 'Philadelphia']),
  c('CA', AM, 7, ['CA-ON', 'CA-QC', 'CA-BC', 'CA-AB', 'CA-NS'], ['Toronto', 'Montréal', 'Vancouver', 'Ottawa', 'Halifax']),
  c('MX', AM, 3, ['MX-CMX', 'MX-JAL', 'MX-NLE'], ['Ciudad de México', 'Guadalajara', 'Monterrey']),
  c('BR', AM, 2, ['BR-SP', 'BR-RJ'], ['São Paulo', 'Rio de Janeiro']),
  c('AR', AM, 2, ['AR-C', 'AR-B'], ['Buenos Aires', 'La Plata']),
  c('CL', AM, 1, [], ['Santiago', 'Valparaíso']),
  c('PE', AM, 0.6, [], ['Lima']),
  c('PY', AM, 0.4, [], ['Asunción']),
  c('GB', EU, 8, ['GB-ENG', 'GB-SCT', 'GB-WLS', 'GB-NIR'], ['London', 'Edinburgh', 'Cardiff', 'Belfast', 'Manchester', 'Stratford-upon-Avon']),
  c('DE', EU, 9, ['DE-BY', 'DE-BE', 'DE-NW', 'DE-HH', 'DE-BW', 'DE-HE'], ['München', 'Berlin', 'Essen', 'Hamburg', 'Stuttgart', 'Gießen', 'Aachen']),
  c('PL', EU, 9, ['PL-14', 'PL-12', 'PL-02', 'PL-30', 'PL-22'], ['Warszawa', 'Kraków', 'Wrocław', 'Poznań', 'Gdańsk']),
  c('NL', EU, 5, ['NL-NH', 'NL-ZH', 'NL-UT'], ['Amsterdam', 'Rotterdam', 'Utrecht']),
  c('FR', EU, 4, ['FR-IDF', 'FR-ARA', 'FR-OCC'], ['Paris', 'Lyon', 'Toulouse']),
  c('ES', EU, 3, ['ES-MD', 'ES-CT', 'ES-AN'], ['Madrid', 'Barcelona', 'Sevilla']),
  c('IT', EU, 2.5, ['IT-25', 'IT-62', 'IT-21'], ['Milano', 'Roma', 'Torino']),
  c('AT', EU, 1.5, ['AT-9', 'AT-6'], ['Wien', 'Graz']),
  c('CH', EU, 1.5, ['CH-ZH', 'CH-GE', 'CH-BE'], ['Zürich', 'Genève', 'Bern']),
  c('SE', EU, 1.5, [], ['Stockholm', 'Göteborg']),
  c('NO', EU, 1, [], ['Oslo', 'Bergen']),
  c('IE', EU, 1, [], ['Dublin', 'Cork']),
  c('CZ', EU, 0.8, [], ['Praha', 'Brno']),
  c('IS', EU, 0.4, [], ['Reykjavík']),
  c('TR', EU, 0.6, [], ['İstanbul', 'Ankara']),
  c('AU', AP, 5, ['AU-NSW', 'AU-VIC', 'AU-QLD', 'AU-WA'], ['Sydney', 'Melbourne', 'Brisbane', 'Perth', 'Engadine']),
  c('NZ', AP, 1.5, ['NZ-AUK', 'NZ-WGN'], ['Auckland', 'Wellington']),
  c('JP', AP, 1, ['JP-13', 'JP-27'], ['Tokyo', 'Osaka']),
  c('KR', AP, 1, ['KR-11'], ['Seoul']),
  c('TW', AP, 0.8, [], ['Taipei']),
  c('PH', AP, 0.8, [], ['Manila', 'Quezon City']),
  c('TH', AP, 0.6, [], ['Bangkok']),
  c('NP', AP, 0.6, [], ['Kathmandu']),
  c('IN', AP, 0.6, [], ['Bengaluru', 'Delhi']),
  c('ZA', AF, 1.5, ['ZA-GP', 'ZA-WC'], ['Johannesburg', 'Cape Town']),
  c('NG', AF, 1, [], ['Lagos', 'Abuja']),
  c('KE', AF, 0.8, [], ['Nairobi']),
  c('GH', AF, 0.6, [], ['Accra']),
  c('SN', AF, 0.6, [], ['Dakar']),
  c('TG', AF, 0.5, [], ['Lomé']),
  c('ML', AF, 0.3, [], ['Bamako']),
  c('ZW', AF, 0.4, [], ['Harare']),
  c('MA', ME, 0.8, [], ['Rabat', 'Casablanca']),
  c('TN', ME, 0.8, [], ['Tunis']),
  c('LB', ME, 0.4, [], ['Beirut']),
  c('DZ', ME, 0.4, [], ['Alger']),
];
