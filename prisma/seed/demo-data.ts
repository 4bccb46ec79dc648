import type { Access, OrganisationKind } from '../../lib/db/generated/client';

// The demo organisations, roles and people from DOMAIN.md (discharge from inpatient care, lag (2017:612)).
// Acceptance scripts and integrations rely on these e-mail addresses and this password: keep them.

export const DEMO_PASSWORD = 'stafett-demo';
export const KOMMUNEN = 'Kommunen';
export const REGIONEN = 'Regionen';
export const DEMO_FLOW_NAME = 'Utskrivning från slutenvård';

export type DemoOrganisation = {
  name: string;
  kind: OrganisationKind;
  customerTerm: string;
  colour: string;
  roles: { name: string; description: string }[];
};

export const DEMO_ORGANISATIONS: DemoOrganisation[] = [
  {
    name: REGIONEN,
    kind: 'REGION',
    customerTerm: 'patient',
    colour: '#1d5fa8',
    roles: [
      {
        name: 'Avdelningssjuksköterska',
        description:
          'Sjuksköterska på vårdavdelningen i slutenvården. Planerar ofta utskrivningen och skickar meddelandena till kommunen och primärvården (titeln varierar mellan regioner).',
      },
      {
        name: 'Läkare',
        description:
          'Ansvarig läkare i slutenvården. Bedömer om patienten behöver insatser efter utskrivningen och när patienten är utskrivningsklar.',
      },
      {
        name: 'Verksamhetschef primärvård',
        description: 'Chef för vårdcentralen. Utser en fast vårdkontakt i primärvården om patienten inte redan har en.',
      },
      {
        name: 'Fast vårdkontakt',
        description:
          'Namngiven kontakt i primärvården, ofta en distriktssköterska. Kallar till samordnad individuell planering (SIP) när patienten behöver insatser från både region och kommun.',
      },
    ],
  },
  {
    name: KOMMUNEN,
    kind: 'MUNICIPALITY',
    customerTerm: 'brukare',
    colour: '#2e7d4f',
    roles: [
      {
        name: 'Biståndshandläggare',
        description:
          'Utreder behov och beslutar om stöd enligt socialtjänstlagen, till exempel hemtjänst, särskilt boende eller korttidsboende.',
      },
      {
        name: 'Kommunens sjuksköterska',
        description:
          'Ger hemsjukvård enligt hälso- och sjukvårdslagen. Hemsjukvården kräver inget biståndsbeslut.',
      },
      {
        name: 'Arbetsterapeut',
        description: 'Bedömer behovet av rehabilitering och hjälpmedel så att brukaren klarar vardagen hemma.',
      },
      {
        name: 'Fysioterapeut',
        description: 'Tränar rörelseförmåga och balans med brukaren efter utskrivningen.',
      },
      {
        name: 'Enhetschef hemtjänst',
        description: 'Leder hemtjänstgruppen och ser till att insatserna är i gång när brukaren kommer hem.',
      },
    ],
  },
];

export type DemoUser = { email: string; name: string; memberships: { organisation: string; access: Access }[] };

export const DEMO_USERS: DemoUser[] = [
  { email: 'kommun.admin@stafett.test', name: 'Karin Andersson', memberships: [{ organisation: KOMMUNEN, access: 'ADMIN' }] },
  { email: 'kommun.editor@stafett.test', name: 'Ahmed Hassan', memberships: [{ organisation: KOMMUNEN, access: 'EDITOR' }] },
  { email: 'region.admin@stafett.test', name: 'Eva Lindberg', memberships: [{ organisation: REGIONEN, access: 'ADMIN' }] },
  { email: 'region.editor@stafett.test', name: 'Johan Nilsson', memberships: [{ organisation: REGIONEN, access: 'EDITOR' }] },
  {
    email: 'viewer@stafett.test',
    name: 'Sara Ek',
    memberships: [
      { organisation: KOMMUNEN, access: 'VIEWER' },
      { organisation: REGIONEN, access: 'VIEWER' },
    ],
  },
];

export const DEMO_FLOW_PURPOSE =
  'Att patienten kommer hem tryggt när slutenvården är klar: regionen och kommunen planerar tillsammans enligt lagen (2017:612) om samverkan vid utskrivning från sluten hälso- och sjukvård, så att stödet finns på plats från första dagen och personen inte behöver svara på samma frågor flera gånger.';
