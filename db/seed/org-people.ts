import type { Role } from '@misalign/shared'
import { demoUsers, emailPart, firstNames, lastNames } from './catalog-people'
import { demoTeamSlug, memberCountRange, type TeamSpec, teamSpecs } from './catalog-teams'
import { timestampOn } from './dates'
import { at, type Rng } from './prng'
import type { MembershipSeed, TeamSeed, UserSeed } from './types'

/** Teams, people and who belongs where, plus the lookups the rest of the generator needs. */
export interface People {
  teams: TeamSeed[]
  users: UserSeed[]
  memberships: MembershipSeed[]
  teamBySlug: Map<string, TeamSeed>
  specBySlug: Map<string, TeamSpec>
  /** Team id → ids of its members (for picking reporters). */
  membersByTeam: Map<string, string[]>
  /** Teams where engineers work: they report incidents and own most decisions. */
  workingTeams: TeamSeed[]
  leaderIds: string[]
  smallTeamIds: string[]
  demo: { teamId: string; userIds: { admin: string; leader: string; lead: string; member: string } }
}

export function teamId(people: People, slug: string): string {
  const team = people.teamBySlug.get(slug)
  if (!team) throw new Error(`seed catalog names an unknown team "${slug}"`)
  return team.id
}

export function buildPeople(rng: Rng, todayDay: number): People {
  const teams: TeamSeed[] = []
  const teamBySlug = new Map<string, TeamSeed>()
  const specBySlug = new Map<string, TeamSpec>()
  // The catalog lists parents before children, so each parent id exists when its child is made.
  for (const spec of teamSpecs) {
    const createdAt = timestampOn(todayDay - 900 + rng.int(0, 120), 9 * 60)
    const parentTeamId = spec.parent === null ? null : (teamBySlug.get(spec.parent)?.id ?? null)
    const team: TeamSeed = { id: rng.uuid(), slug: spec.slug, name: spec.name, parentTeamId, createdAt, updatedAt: createdAt }
    teams.push(team)
    teamBySlug.set(spec.slug, team)
    specBySlug.set(spec.slug, spec)
  }

  const users: UserSeed[] = []
  const memberships: MembershipSeed[] = []
  const membersByTeam = new Map<string, string[]>(teams.map((t) => [t.id, []]))
  const usedEmails = new Set<string>(demoUsers.map((u) => u.email))
  const leaderIds: string[] = []

  const join = (userId: string, team: TeamSeed) => {
    const createdAt = timestampOn(todayDay - 500 + rng.int(0, 400), 10 * 60)
    memberships.push({ id: rng.uuid(), userId, teamId: team.id, createdAt, updatedAt: createdAt })
    membersByTeam.get(team.id)?.push(userId)
  }

  const addUser = (role: Role, team: TeamSeed, identity?: { email: string; displayName: string }): string => {
    let email = identity?.email
    let displayName = identity?.displayName
    if (!email || !displayName) {
      const first = rng.pick(firstNames)
      const last = rng.pick(lastNames)
      displayName = `${first} ${last}`
      const base = `${emailPart(first)}.${emailPart(last)}`
      email = `${base}@example.com`
      for (let n = 2; usedEmails.has(email); n++) email = `${base}${n}@example.com`
    }
    usedEmails.add(email)
    const createdAt = timestampOn(todayDay - 700 + rng.int(0, 600), 11 * 60)
    const user: UserSeed = { id: rng.uuid(), email, displayName, role, passwordHash: null, createdAt, updatedAt: createdAt }
    users.push(user)
    if (role === 'leader') leaderIds.push(user.id)
    join(user.id, team)
    return user.id
  }

  const workingTeams: TeamSeed[] = []
  for (const spec of teamSpecs) {
    const team = teamBySlug.get(spec.slug)
    if (!team) continue
    if (spec.level === 'org') {
      addUser('leader', team)
      addUser('admin', team)
      continue
    }
    if (spec.level === 'group') {
      for (let i = rng.int(1, 2); i > 0; i--) addUser('leader', team)
      continue
    }
    workingTeams.push(team)
    const [min, max] = memberCountRange[spec.size]
    const count = rng.int(min, max)
    const leads = spec.size === 'large' ? 2 : 1
    for (let i = 0; i < count; i++) addUser(i < leads ? 'lead' : 'member', team)
  }

  const demoTeam = teamBySlug.get(demoTeamSlug)
  if (!demoTeam) throw new Error(`demo team "${demoTeamSlug}" missing from the catalog`)
  const demoIds = demoUsers.map((u) => addUser(u.role, demoTeam, u))

  // A few people belong to a second team, as people on loan or in two rotations do.
  for (let i = 0; i < 8; i++) {
    const user = rng.pick(users)
    const team = rng.pick(workingTeams)
    const members = membersByTeam.get(team.id) ?? []
    // Small teams stay small: their size is what the anonymity rule keys on.
    if (members.length >= 5 && !members.includes(user.id) && !demoIds.includes(user.id)) join(user.id, team)
  }

  const smallTeamIds = workingTeams.filter((t) => (membersByTeam.get(t.id)?.length ?? 0) < 5).map((t) => t.id)
  return {
    teams,
    users,
    memberships,
    teamBySlug,
    specBySlug,
    membersByTeam,
    workingTeams,
    leaderIds,
    smallTeamIds,
    demo: {
      teamId: demoTeam.id,
      userIds: { admin: at(demoIds, 0), leader: at(demoIds, 1), lead: at(demoIds, 2), member: at(demoIds, 3) },
    },
  }
}
