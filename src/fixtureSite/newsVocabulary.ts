/** Word lists for the generated news text. All people are invented; places and institutions are context only. */

/** A country: name, adjective, capital, region. */
export type Country = readonly [name: string, adjective: string, capital: string, region: string];

/** A topic: nouns and phrases plus the section, WordPress category and tag it maps to. */
export interface Topic {
  things: readonly string[];
  policies: readonly string[];
  groups: readonly string[];
  issues: readonly string[];
  /** page topic tags (c-tags-list) */
  pageTags: readonly string[];
  /** breadcrumb section */
  section: string;
  /** WordPress category name */
  category: string;
  /** WordPress topic tag name */
  wpTag: string;
}

export const COUNTRIES: readonly Country[] = [
  ['Azerbaijan', 'Azerbaijani', 'Baku', 'the South Caucasus'], ['Armenia', 'Armenian', 'Yerevan', 'the South Caucasus'],
  ['Georgia', 'Georgian', 'Tbilisi', 'the South Caucasus'], ['Ukraine', 'Ukrainian', 'Kyiv', 'Eastern Europe'],
  ['Poland', 'Polish', 'Warsaw', 'Central Europe'], ['Romania', 'Romanian', 'Bucharest', 'Eastern Europe'],
  ['Hungary', 'Hungarian', 'Budapest', 'Central Europe'], ['Germany', 'German', 'Berlin', 'Western Europe'],
  ['France', 'French', 'Paris', 'Western Europe'], ['Italy', 'Italian', 'Rome', 'Southern Europe'],
  ['Spain', 'Spanish', 'Madrid', 'Southern Europe'], ['Portugal', 'Portuguese', 'Lisbon', 'Southern Europe'],
  ['Greece', 'Greek', 'Athens', 'Southern Europe'], ['Belgium', 'Belgian', 'Brussels', 'Western Europe'],
  ['Sweden', 'Swedish', 'Stockholm', 'Northern Europe'], ['Finland', 'Finnish', 'Helsinki', 'Northern Europe'],
  ['Denmark', 'Danish', 'Copenhagen', 'Northern Europe'], ['Austria', 'Austrian', 'Vienna', 'Central Europe'],
  ['Slovakia', 'Slovak', 'Bratislava', 'Central Europe'], ['Bulgaria', 'Bulgarian', 'Sofia', 'the Balkans'],
  ['Croatia', 'Croatian', 'Zagreb', 'the Balkans'], ['Serbia', 'Serbian', 'Belgrade', 'the Balkans'],
  ['Moldova', 'Moldovan', 'Chisinau', 'Eastern Europe'], ['Turkey', 'Turkish', 'Ankara', 'the Black Sea region'],
  ['Kazakhstan', 'Kazakh', 'Astana', 'Central Asia'], ['Ireland', 'Irish', 'Dublin', 'Western Europe'],
  ['Estonia', 'Estonian', 'Tallinn', 'the Baltics'], ['Latvia', 'Latvian', 'Riga', 'the Baltics'],
  ['Lithuania', 'Lithuanian', 'Vilnius', 'the Baltics'], ['Norway', 'Norwegian', 'Oslo', 'Northern Europe'],
  ['Switzerland', 'Swiss', 'Bern', 'Central Europe'], ['Egypt', 'Egyptian', 'Cairo', 'North Africa'],
  ['Morocco', 'Moroccan', 'Rabat', 'North Africa'], ['Japan', 'Japanese', 'Tokyo', 'East Asia'],
  ['India', 'Indian', 'New Delhi', 'South Asia'], ['Brazil', 'Brazilian', 'Brasilia', 'Latin America'],
  ['Canada', 'Canadian', 'Ottawa', 'North America'], ['Slovenia', 'Slovenian', 'Ljubljana', 'Central Europe'],
  ['Cyprus', 'Cypriot', 'Nicosia', 'the Eastern Mediterranean'], ['Malta', 'Maltese', 'Valletta', 'Southern Europe'],
];

export const INSTITUTIONS = [
  'the European Commission', 'the European Parliament', 'the European Council', 'NATO', 'the United Nations',
  'the International Monetary Fund', 'the European Central Bank', 'the World Health Organization', 'the OSCE',
  'the Council of Europe', 'the World Bank', 'Eurostat', 'Frontex', 'the European Investment Bank',
  'the European Court of Justice', 'the International Energy Agency',
] as const;

export const FIRST_NAMES = ['Anna', 'Marek', 'Elena', 'Tomas', 'Ines', 'Jonas', 'Sofia', 'Pavel', 'Lea', 'Mihai',
  'Clara', 'Luca', 'Irina', 'Nikos', 'Marta', 'Henrik', 'Aylin', 'Dario', 'Katarzyna', 'Olivier', 'Greta', 'Emre',
  'Nadia', 'Victor', 'Leyla', 'Stefan', 'Ilse', 'Rui', 'Daria', 'Matteo', 'Sanne', 'Bogdan', 'Aino', 'Farid'] as const;

export const LAST_NAMES = ['Kovac', 'Lindqvist', 'Moreau', 'Novak', 'Petrescu', 'Ferreira', 'Kowalski', 'Rossi',
  'Haas', 'Vargas', 'Ivanova', 'Papadakis', 'Jansen', 'Horvath', 'Dumitru', 'Berg', 'Aliyeva', 'Marchetti',
  'Schmidt', 'Ozturk', 'Virtanen', 'Costa', 'Nowak', 'Dubois', 'Mammadov', 'Hakobyan', 'Eriksen', 'Santos',
  'Weber', 'Popescu', 'Kaya', 'Lambert', 'Fischer', 'Gallo', 'Tamm', 'Kalnins', 'Petrovic', 'Andersen'] as const;

export const JOURNALISTS = ['Saida Rustamova', 'Mared Gwyn Jones', 'Jorge Liboreiro', 'Alice Tidey',
  'Gerardo Fortuna', 'Sandor Zsiros', 'Paula Soler', 'Vincenzo Genovese', 'Shona Murray', 'Maria Psara',
  'Aleksandar Brezar', 'Eleanor Butler', 'Giulia Carbonaro', 'Joshua Askew', 'Tamsin Paternoster'] as const;

export const ROLES = ['Foreign Minister', 'Prime Minister', 'Energy Minister', 'Finance Minister', 'Defence Minister',
  'Interior Minister', 'President', 'Economy Minister', 'Trade Minister', 'Deputy Prime Minister'] as const;

export const THINK_TANKS = ['the Centre for European Policy Studies', 'Bruegel', 'the European Policy Centre',
  'Carnegie Europe', 'Ludovika University', 'the German Marshall Fund', 'the Jacques Delors Institute',
  'the Vienna Institute for International Economic Studies', 'Chatham House', 'the Clingendael Institute',
  'the Polish Institute of International Affairs', 'Sciences Po', 'the Bertelsmann Foundation'] as const;

export const EXPERT_ROLES = ['a research fellow at', 'a senior analyst at', 'an economist at', 'the director of',
  'a political scientist at'] as const;

export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;
export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
  'October', 'November', 'December'] as const;
export const MODALS = ['could', 'would', 'should', 'will', 'might', 'must'] as const;
export const VERBS_INF = ['strengthen', 'review', 'expand', 'secure', 'accelerate', 'reshape', 'reassess', 'protect',
  'unlock', 'streamline', 'scale up', 'fund', 'stabilise', 'overhaul'] as const;
export const VERBS_PAST = ['approved', 'unveiled', 'announced', 'criticised', 'welcomed', 'postponed', 'backed',
  'rejected', 'proposed', 'endorsed', 'questioned', 'signed off on'] as const;
export const VERBS_3 = ['eyes', 'backs', 'weighs', 'pushes for', 'rejects', 'seeks', 'unveils', 'boosts', 'delays',
  'targets', 'tightens', 'debates', 'expands', 'slashes'] as const;
export const ADJECTIVES = ['strategic', 'historic', 'fragile', 'ambitious', 'unprecedented', 'long-awaited',
  'controversial', 'pragmatic', 'decisive', 'cautious', 'sweeping', 'modest'] as const;
export const CREDITS = ['AP Photo', 'AFP', 'Courtesy of Azertag', 'European Union, 2026', 'Reuters',
  'AP Photo/Virginia Mayo', 'Copyright 2026 The AP. All rights reserved', 'Euronews', 'EBS'] as const;
export const TEASER_LABELS = ['Europe News', 'World news', 'Business', 'Health news', 'Culture', 'Green', 'Travel',
  'Ukraine', 'Politics', 'Tech News', 'My Europe', 'Sport'] as const;

const topic = (t: Topic): Topic => t;

export const TOPICS: readonly Topic[] = [
  topic({ things: ['gas supplies', 'the new interconnector', 'renewable capacity', 'electricity prices', 'LNG imports',
    'the Southern Gas Corridor', 'offshore wind projects', 'grid investment', 'nuclear power plans', 'green hydrogen'],
  policies: ['energy security strategy', 'gas storage target', 'price cap', 'offshore wind plan', 'grid action plan'],
  groups: ['households', 'energy-intensive industries', 'grid operators', 'consumers', 'utility companies'],
  issues: ['supply disruptions', 'rising energy prices', 'winter shortages', 'volatile gas markets'],
  pageTags: ['Energy', 'Gas', 'Renewable energy'], section: 'Business', category: 'Business', wpTag: 'Energy' }),
  topic({ things: ['tariffs on steel', 'the Middle Corridor', 'export controls', 'the free trade agreement',
    'customs checks', 'port capacity', 'rail freight links', 'agricultural imports', 'supply chains', 'the trade surplus'],
  policies: ['trade agreement', 'tariff schedule', 'customs reform', 'connectivity agenda', 'investment screening rule'],
  groups: ['exporters', 'small businesses', 'farmers', 'logistics companies', 'carmakers'],
  issues: ['a looming tariff war', 'disrupted shipping routes', 'slowing global demand', 'protectionist pressure'],
  pageTags: ['Trade', 'Tariffs', 'Economy'], section: 'Business', category: 'Business', wpTag: 'Economy' }),
  topic({ things: ['air defence systems', 'ammunition production', 'joint procurement', 'border security',
    'military aid', 'the rapid reaction force', 'drone defences', 'defence spending', 'cyber defences', 'naval patrols'],
  policies: ['defence readiness plan', 'rearmament programme', 'security guarantee', 'military mobility plan'],
  groups: ['frontline states', 'defence manufacturers', 'allied troops', 'border regions'],
  issues: ['renewed drone incursions', 'the war in Ukraine', 'hybrid attacks', 'airspace violations'],
  pageTags: ['Defence', 'NATO', 'Security'], section: 'World', category: 'International', wpTag: 'Security' }),
  topic({ things: ['asylum procedures', 'return policies', 'border checks', 'reception capacity', 'labour migration',
    'search and rescue operations', 'the migration pact', 'visa rules', 'resettlement places', 'integration funding'],
  policies: ['migration pact', 'return regulation', 'solidarity mechanism', 'visa liberalisation deal'],
  groups: ['asylum seekers', 'coastal regions', 'border guards', 'local authorities', 'NGOs'],
  issues: ['rising arrivals', 'overcrowded reception centres', 'legal challenges', 'political pressure'],
  pageTags: ['Migration', 'Asylum', 'Borders'], section: 'Europe', category: 'Europe', wpTag: 'Migration' }),
  topic({ things: ['emission cuts', 'the carbon border levy', 'wildfire prevention', 'flood defences',
    'climate finance', 'the 2040 target', 'heat action plans', 'drought relief', 'coal phase-out', 'forest restoration'],
  policies: ['climate law', 'emissions trading scheme', 'adaptation strategy', 'green industrial plan'],
  groups: ['farmers', 'coastal communities', 'heavy industry', 'young people', 'insurers'],
  issues: ['record temperatures', 'prolonged drought', 'severe flooding', 'wildfires'],
  pageTags: ['Climate change', 'Environment', 'Green deal'], section: 'Europe', category: 'Europe', wpTag: 'Climate' }),
  topic({ things: ['vaccine stockpiles', 'hospital capacity', 'medicine shortages', 'disease surveillance',
    'mental health services', 'cross-border healthcare', 'antibiotic resistance', 'health data', 'screening programmes'],
  policies: ['pharmaceutical reform', 'health preparedness plan', 'critical medicines act', 'cancer plan'],
  groups: ['patients', 'hospitals', 'pharmacists', 'health workers', 'older people'],
  issues: ['a rare virus outbreak', 'staff shortages', 'long waiting lists', 'rising drug prices'],
  pageTags: ['Health', 'Public health', 'Medicine'], section: 'Health', category: 'Health', wpTag: 'Health' }),
  topic({ things: ['artificial intelligence rules', 'chip production', 'data centres', 'platform regulation',
    'cybersecurity', 'satellite internet', 'digital identity wallets', 'online safety', 'semiconductor subsidies'],
  policies: ['AI act', 'digital services act', 'chips act', 'data strategy', 'cybersecurity directive'],
  groups: ['tech companies', 'start-ups', 'online platforms', 'users', 'telecom operators'],
  issues: ['a wave of cyberattacks', 'disinformation campaigns', 'a global chip shortage', 'rapid AI adoption'],
  pageTags: ['Technology', 'Artificial intelligence', 'Cybersecurity'], section: 'Business', category: 'Business',
  wpTag: 'Technology' }),
  topic({ things: ['the coalition talks', 'the no-confidence vote', 'judicial reform', 'the peace process',
    'the accession talks', 'the rule of law', 'the budget negotiations', 'electoral reform', 'the ceasefire proposal'],
  policies: ['reform package', 'accession roadmap', 'peace framework', 'constitutional amendment'],
  groups: ['voters', 'opposition parties', 'civil society groups', 'lawmakers', 'diplomats'],
  issues: ['a deepening political crisis', 'mass protests', 'a snap election', 'stalled negotiations'],
  pageTags: ['Politics', 'Elections', 'European Union'], section: 'World', category: 'International',
  wpTag: 'EU politics' }),
  topic({ things: ['the film festival', 'heritage restoration', 'the music awards', 'museum funding', 'the book fair',
    'the architecture biennale', 'cultural exchanges', 'the art market', 'restitution claims', 'tourism revenues'],
  policies: ['cultural heritage programme', 'creative Europe funding', 'restitution policy', 'tourism strategy'],
  groups: ['artists', 'museums', 'festival organisers', 'visitors', 'publishers'],
  issues: ['overtourism', 'budget cuts', 'record visitor numbers', 'a copyright dispute'],
  pageTags: ['Culture', 'Arts', 'Tourism'], section: 'Culture', category: 'Culture', wpTag: 'Culture' }),
];
