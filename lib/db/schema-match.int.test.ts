import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareFacts, databaseFacts, expectedFacts, readDatamodel, type Datamodel } from './schema-match';

// The database Vitest hands us was migrated from prisma/migrations by our runner: it must be exactly
// what schema.prisma says, fact for fact (see schema-match.ts for what a "fact" covers).

const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
let datamodel: Datamodel;
let actual: string[];

beforeAll(async () => {
  await client.connect();
  datamodel = await readDatamodel();
  actual = await databaseFacts(client);
});
afterAll(() => client.end());

describe('migrated database matches schema.prisma', () => {
  it('has every model, field, type, nullability, default, key, index and foreign key, and nothing else', () => {
    expect(compareFacts(expectedFacts(datamodel), actual)).toEqual({ onlyInSchema: [], onlyInDatabase: [] });
  });

  it('covers what it claims to (a few facts spelled out)', () => {
    const facts = expectedFacts(datamodel);
    expect(facts).toContain('User.locale: text NOT NULL DEFAULT \'sv\'::text');
    expect(facts).toContain('Membership.access: "Access" NOT NULL DEFAULT \'VIEWER\'::"Access"');
    expect(facts).toContain('User.createdAt: timestamp(3) NOT NULL DEFAULT CURRENT_TIMESTAMP');
    expect(facts).toContain('User.id: text NOT NULL'); // cuid(): no database default
    expect(facts).toContain('FlowParticipant PRIMARY KEY FlowParticipant_pkey (flowId, organisationId)');
    expect(facts).toContain('Invitation FK Invitation_acceptedById_fkey (acceptedById) -> User(id) ON DELETE SET NULL ON UPDATE CASCADE');
    expect(facts).toContain('enum "OrganisationKind": MUNICIPALITY, REGION, OTHER');
  });
});

describe('the comparison can fail', () => {
  function mutated(change: (dm: Datamodel) => void): Datamodel {
    const copy = structuredClone(datamodel);
    change(copy);
    return copy;
  }
  const user = (dm: Datamodel) => dm.models.find((m) => m.name === 'User')!;

  it('notices a field the migrations never added', () => {
    const dm = mutated((d) => {
      const email = user(d).fields.find((f) => f.name === 'email')!;
      user(d).fields.push({ ...email, name: 'phone', isRequired: false });
    });
    expect(compareFacts(expectedFacts(dm), actual).onlyInSchema).toEqual(['User.phone: text NULL']);
  });

  it('notices a changed nullability, default, enum value, index and delete rule', () => {
    const dm = mutated((d) => {
      user(d).fields.find((f) => f.name === 'name')!.isRequired = false;
      user(d).fields.find((f) => f.name === 'locale')!.default = 'en';
      d.enums.find((e) => e.name === 'Access')!.values.push({ name: 'OWNER', dbName: null });
      d.indexes = d.indexes.filter((i) => !(i.model === 'LoginAttempt' && i.type === 'normal' && i.fields[0]?.name === 'ip'));
      const membership = d.models.find((m) => m.name === 'Membership')!;
      membership.fields.find((f) => f.name === 'user')!.relationOnDelete = 'Restrict';
    });
    const mismatch = compareFacts(expectedFacts(dm), actual);
    expect(mismatch.onlyInSchema).toHaveLength(4);
    expect(mismatch.onlyInDatabase).toHaveLength(5);
    expect(mismatch.onlyInDatabase).toContain('LoginAttempt INDEX LoginAttempt_ip_createdAt_idx (ip, createdAt)');
  });
});
