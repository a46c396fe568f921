/**
 * The Fernway demo org as PagerDuty sees it: the services named by `pagerduty.com/service-id` in content/,
 * one escalation policy per owning team, who is on call, and a few open incidents. The people are the
 * demo org's users (content/org/people). `demo/integrations/pagerduty.json` holds the fake's answers to
 * the requests below.
 */
import type { PdModel, PdOncall, PdService } from './server.ts';

const WEEK = { start: '2025-06-02T09:00:00+02:00', end: '2025-06-09T09:00:00+02:00' };

/** Level 1: this week's primary from the team's rotation; level 2: the team lead, always. */
function rotation(escalationPolicyId: string, scheduleId: string, scheduleName: string, primary: string, lead: string): PdOncall[] {
  return [
    { escalationPolicyId, userId: primary, schedule: { id: scheduleId, name: scheduleName }, level: 1, ...WEEK },
    { escalationPolicyId, userId: lead, level: 2, start: null, end: null },
  ];
}

function service(id: string, name: string, teamId: string, escalationPolicyId: string, status: PdService['status'], description: string): PdService {
  return { id, name, teamIds: [teamId], escalationPolicyId, status, description, createdAt: '2023-03-14T10:02:11Z' };
}

export const demoModel: PdModel = {
  subdomain: 'fernway',
  users: [
    { id: 'PEL4P7R', name: 'Elena Petrova', email: 'elena.petrova@fernway.example' },
    { id: 'PJO2C8N', name: "James O'Connor", email: 'james.oconnor@fernway.example' },
    { id: 'PKW9T3A', name: 'Kenji Watanabe', email: 'kenji.watanabe@fernway.example' },
    { id: 'PMS5N1T', name: 'Maria Santos', email: 'maria.santos@fernway.example' },
    { id: 'PTE6R2K', name: 'Tom Eriksen', email: 'tom.eriksen@fernway.example' },
    { id: 'PLM3R8E', name: 'Lucas Moreau', email: 'lucas.moreau@fernway.example' },
    { id: 'PAT7N4K', name: 'Aiko Tanaka', email: 'aiko.tanaka@fernway.example' },
    { id: 'PHB1K6R', name: 'Hannah Becker', email: 'hannah.becker@fernway.example' },
    { id: 'POH8D5D', name: 'Omar Haddad', email: 'omar.haddad@fernway.example' },
    { id: 'PCD4B9S', name: 'Chloe Dubois', email: 'chloe.dubois@fernway.example' },
    { id: 'PLN2V7K', name: 'Lena Novak', email: 'lena.novak@fernway.example' },
  ],
  teams: [
    { id: 'PTPAY01', name: 'Payments' },
    { id: 'PTBOK02', name: 'Booking' },
    { id: 'PTSRC03', name: 'Search' },
    { id: 'PTPRC04', name: 'Pricing' },
    { id: 'PTCX005', name: 'Customer Experience' },
  ],
  escalationPolicies: [
    { id: 'PEPAY9K', name: 'Payments – 24/7' },
    { id: 'PEBOK3M', name: 'Booking – 24/7' },
    { id: 'PESRC5T', name: 'Search – 24/7' },
    { id: 'PEPRC2H', name: 'Pricing – business hours' },
    { id: 'PECX7W1', name: 'Customer Experience – 24/7' },
  ],
  services: [
    service('PPY3X9L', 'Payments Gateway', 'PTPAY01', 'PEPAY9K', 'warning', 'Card payments: authorisations, captures and refunds.'),
    service('PBK7M2Q', 'Booking Service', 'PTBOK02', 'PEBOK3M', 'critical', 'System of record for trips.'),
    service('PSR2H6T', 'Search Service', 'PTSRC03', 'PESRC5T', 'active', 'Flight and hotel search.'),
    service('PSG5K1W', 'Supplier Gateway', 'PTSRC03', 'PESRC5T', 'critical', 'GDS and NDC supplier connections.'),
    service('PPR8D4N', 'Pricing Engine', 'PTPRC04', 'PEPRC2H', 'active', 'Fares, markups and offer pricing.'),
    service('PTG9C3V', 'Trip Gateway', 'PTCX005', 'PECX7W1', 'active', 'Traveller GraphQL gateway.'),
    service('PNT6J2M', 'Notification Service', 'PTCX005', 'PECX7W1', 'active', 'Email and SMS to travellers.'),
    service('PWB4F8R', 'fernway.example website', 'PTCX005', 'PECX7W1', 'active', 'The public website.'),
  ],
  oncalls: [
    ...rotation('PEPAY9K', 'PSPAY01', 'Payments primary', 'PKW9T3A', 'PEL4P7R'),
    ...rotation('PEBOK3M', 'PSBOK02', 'Booking primary', 'PTE6R2K', 'PMS5N1T'),
    ...rotation('PESRC5T', 'PSSRC03', 'Search primary', 'PAT7N4K', 'PLM3R8E'),
    ...rotation('PEPRC2H', 'PSPRC04', 'Pricing primary', 'POH8D5D', 'PHB1K6R'),
    ...rotation('PECX7W1', 'PSCX005', 'Customer Experience primary', 'PLN2V7K', 'PCD4B9S'),
  ],
  incidents: [
    {
      id: 'Q1BK7TQ2LX',
      number: 4181,
      title: 'Ticketing queue backlog above 5,000 messages',
      status: 'triggered',
      urgency: 'high',
      serviceId: 'PBK7M2Q',
      assigneeIds: ['PTE6R2K'],
      createdAt: '2025-06-02T06:52:40Z',
    },
    {
      id: 'Q0PY4AD9KM',
      number: 4179,
      title: 'Adyen authorisation latency p99 above 2 s',
      status: 'acknowledged',
      urgency: 'high',
      serviceId: 'PPY3X9L',
      assigneeIds: ['PKW9T3A'],
      createdAt: '2025-06-02T05:17:03Z',
    },
    {
      id: 'Q3SG8NR1VE',
      number: 4180,
      title: 'Amadeus NDC timeouts above 3 %',
      status: 'triggered',
      urgency: 'low',
      serviceId: 'PSG5K1W',
      assigneeIds: ['PAT7N4K'],
      createdAt: '2025-06-02T06:05:55Z',
    },
    {
      id: 'Q2BK1RS7ZD',
      number: 4172,
      title: 'Booking confirmation emails delayed',
      status: 'resolved',
      urgency: 'high',
      serviceId: 'PBK7M2Q',
      assigneeIds: ['PMS5N1T'],
      createdAt: '2025-05-30T14:41:09Z',
    },
  ],
};

/** The requests the pagerduty plugin makes per service, and per team for Group pages: recorded into the demo fixtures. */
export const demoRequests: string[] = [
  ...demoModel.services.flatMap((service) => [
    `/services/${service.id}`,
    `/oncalls?escalation_policy_ids[]=${service.escalationPolicyId}&earliest=true`,
    `/incidents?service_ids[]=${service.id}&statuses[]=triggered&statuses[]=acknowledged`,
  ]),
  ...demoModel.teams.map((team) => `/services?team_ids[]=${team.id}`),
];
