/**
 * Word lists the synthetic org combines into names and prose. All lowercase
 * ASCII where they end up in entity names, tags or logins; people's display
 * names may carry accents (logins and emails are folded to ASCII).
 */

/** Business nouns: the first part of repo, team and system names. */
export const businessNouns = [
  'payments', 'fleet', 'booking', 'ledger', 'inventory', 'catalog', 'pricing', 'search', 'identity', 'notification',
  'loyalty', 'shipping', 'invoice', 'warehouse', 'checkout', 'order', 'customer', 'partner', 'review', 'media',
  'analytics', 'fraud', 'tax', 'refund', 'subscription', 'billing', 'promo', 'recommendation', 'route', 'driver',
  'merchant', 'wallet', 'settlement', 'onboarding', 'consent', 'profile', 'cart', 'fulfilment', 'returns', 'supplier',
  'quote', 'claims', 'policy', 'audit', 'compliance', 'reporting', 'forecast', 'telemetry', 'dispatch', 'tracking',
  'availability', 'rates', 'content', 'asset', 'session', 'feature-flag', 'experiment', 'ticketing', 'support', 'chat',
] as const;

export const serviceSuffixes = ['service', 'api', 'gateway', 'worker', 'engine', 'sync', 'indexer', 'scheduler', 'importer', 'exporter', 'adapter', 'proxy', 'processor', 'consumer', 'tracker'] as const;
export const librarySuffixes = ['lib', 'sdk', 'client', 'common', 'utils', 'schemas', 'models', 'kit'] as const;
export const websiteSuffixes = ['web', 'ui', 'portal', 'console', 'dashboard', 'admin', 'app'] as const;
/** Middle words for three-part names (`fleet-tracker-api`) once two-part names run out. */
export const qualifiers = ['tracker', 'events', 'rules', 'core', 'batch', 'realtime', 'edge', 'bulk', 'mobile', 'partner', 'internal', 'graph', 'v2', 'stream', 'legacy'] as const;

export const teamSuffixes = ['team', 'core', 'platform', 'squad', 'ops', 'insights', 'experience', 'infra', 'reliability', 'growth', 'enablement'] as const;
export const systemSuffixes = ['platform', 'management', 'processing', 'core', 'hub', 'suite', 'pipeline', 'network'] as const;

export const departments = [
  'commerce-engineering', 'platform-engineering', 'data-and-analytics', 'mobile-engineering', 'security-engineering',
  'logistics-engineering', 'finance-engineering', 'growth-engineering', 'customer-engineering', 'partner-engineering',
  'marketplace-engineering', 'infrastructure', 'developer-experience', 'risk-engineering', 'content-engineering',
] as const;

export const domains = [
  'commerce', 'logistics', 'identity', 'finance', 'customer-experience', 'data-platform', 'developer-platform',
  'marketing', 'operations', 'security', 'partners', 'media',
] as const;

export const firstNames = [
  'Amelia', 'Daniel', 'Priya', 'Lucas', 'Sofia', 'Noah', 'Yuki', 'Mateo', 'Chloé', 'Omar', 'Hannah', 'Kwame', 'Ingrid',
  'Ravi', 'Elena', 'Tomás', 'Aisha', 'Jonas', 'Mei', 'Felix', 'Zoë', 'Arjun', 'Nina', 'Lars', 'Fatima', 'Diego', 'Clara',
  'Hiroshi', 'Leila', 'Marco', 'Ana', 'Ben', 'Camille', 'Dmitri', 'Emma', 'Farah', 'Gabriel', 'Hugo', 'Isla', 'Jamal',
  'Kenji', 'Lina', 'Maya', 'Nils', 'Olga', 'Pedro', 'Quinn', 'Rosa', 'Samir', 'Tara', 'Uma', 'Victor', 'Wen', 'Ximena',
  'Yusuf', 'Zara', 'Björn', 'Chiara', 'Emeka', 'Freya', 'Gustavo', 'Helga', 'Ibrahim', 'Julia', 'Kai', 'Lucía', 'Mohammed',
  'Nadia', 'Oscar', 'Paula', 'René', 'Sanna', 'Teodor', 'Valentina', 'William', 'Xiao', 'Yara', 'Zeynep', 'Aiden', 'Bianca',
] as const;

export const lastNames = [
  'Hart', 'Okafor', 'Raman', 'Moreau', 'Lindqvist', 'Sato', 'Eriksen', 'García', 'Khan', 'Novak', 'Schmidt', 'Mensah',
  'Johansson', 'Patel', 'Rossi', 'Silva', 'Kowalski', 'Nguyen', 'Fischer', 'Ibrahim', 'Tanaka', 'Dubois', 'Haddad',
  'Larsen', 'Costa', 'Müller', 'Ozturk', 'Petrov', 'Quist', 'Reyes', 'Singh', 'Turner', 'Ueda', 'Varga', 'Walsh', 'Xu',
  'Yilmaz', 'Zimmermann', 'Andersen', 'Bakker', 'Chen', 'Diaz', 'Evans', 'Ferreira', 'Gupta', 'Holm', 'Ito', 'Jensen',
  'Kim', 'Lopez', 'Martin', 'Nakamura', 'Olsen', 'Park', 'Ramos', 'Svensson', 'Torres', 'Unger', 'Vogel', 'Weber', 'Young',
  'Zhou', 'Adeyemi', 'Brennan', 'Castillo', 'Dahl', 'Engström', 'Fontaine', 'Grant', 'Hoang', 'Iversen', 'Jovanović',
] as const;

export const languages = [
  { name: 'Go', tag: 'go', weight: 5 },
  { name: 'TypeScript', tag: 'typescript', weight: 6 },
  { name: 'Java', tag: 'java', weight: 4 },
  { name: 'Kotlin', tag: 'kotlin', weight: 2 },
  { name: 'Python', tag: 'python', weight: 4 },
  { name: 'Rust', tag: 'rust', weight: 1 },
] as const;
export interface Language {
  name: string;
  tag: string;
}

/** Repos without a catalog file are often not code at all; their language follows their name. */
export const noCatalogKinds: { suffix: string; language?: Language }[] = [
  { suffix: 'scripts', language: { name: 'Shell', tag: 'shell' } },
  { suffix: 'terraform', language: { name: 'HCL', tag: 'terraform' } },
  { suffix: 'notebooks', language: { name: 'Jupyter Notebook', tag: 'jupyter' } },
  { suffix: 'playground' },
  { suffix: 'prototype' },
  { suffix: 'migrations', language: { name: 'PLpgSQL', tag: 'sql' } },
  { suffix: 'benchmarks' },
  { suffix: 'helm-charts', language: { name: 'Go Template', tag: 'helm' } },
  { suffix: 'runbooks', language: { name: 'Shell', tag: 'shell' } },
  { suffix: 'dotfiles', language: { name: 'Shell', tag: 'shell' } },
];

export const techTags = ['postgres', 'kafka', 'redis', 'grpc', 'rest', 'graphql', 'kubernetes', 'aws', 'gcp', 'terraform', 'react', 'spring-boot', 'opensearch', 'sqs', 'pci-dss', 'gdpr', 'tier:1', 'tier:2', 'tier:3'] as const;

export const resourceKinds = [
  { type: 'database', suffix: 'db', tag: 'postgres', what: 'PostgreSQL database' },
  { type: 'queue', suffix: 'queue', tag: 'sqs', what: 'SQS queue' },
  { type: 'cache', suffix: 'cache', tag: 'redis', what: 'Redis cache' },
  { type: 's3-bucket', suffix: 'bucket', tag: 'aws', what: 'S3 bucket' },
  { type: 'kafka-topic', suffix: 'events', tag: 'kafka', what: 'Kafka topic' },
] as const;

/** Prose building blocks for descriptions, READMEs and docs pages. */
export const verbs = ['handles', 'stores', 'publishes', 'validates', 'aggregates', 'routes', 'reconciles', 'caches', 'indexes', 'schedules', 'exports', 'enriches', 'tracks', 'prices', 'syncs'] as const;
export const objects = ['requests', 'events', 'records', 'batches', 'webhooks', 'snapshots', 'messages', 'reports', 'jobs', 'updates', 'documents', 'metrics'] as const;
export const adjectives = ['idempotent', 'incremental', 'nightly', 'regional', 'partitioned', 'encrypted', 'versioned', 'cached', 'asynchronous', 'retryable', 'paginated', 'signed'] as const;
export const places = ['the primary region', 'a read replica', 'the outbox table', 'the event bus', 'object storage', 'the edge cache', 'the data warehouse', 'a dead-letter queue'] as const;
export const concerns = ['latency', 'throughput', 'consistency', 'retries', 'back-pressure', 'ordering', 'cost', 'observability', 'rollbacks', 'schema changes'] as const;
