import { checkRequirements, type FieldProblem, IncidentImportRow, type RequirementInput } from '@misalign/shared'
import { Compile } from 'typebox/compile'

const validator = Compile(IncidentImportRow)

const requirementFields = {
  discoveredAt: 'string',
  discoveryChannel: 'string',
  expected: 'string',
  surprise: 'number',
  harmedGoal: 'string',
  harm: 'number',
} as const

/**
 * The filing rule's input: only values of the right type, so a number where a date belongs is
 * reported once, by the schema, rather than crashing or being worded as "missing".
 */
function requirementInput(fields: Record<string, unknown>): { input: RequirementInput; wrongType: Set<string> } {
  const input: Record<string, unknown> = {}
  const wrongType = new Set<string>()
  for (const [field, type] of Object.entries(requirementFields)) {
    const value = fields[field]
    if (value === undefined || value === null || typeof value === type) input[field] = value
    else wrongType.add(field)
  }
  return { input: input as RequirementInput, wrongType }
}

function schemaProblems(fields: Record<string, unknown>): FieldProblem[] {
  const problems: FieldProblem[] = []
  for (const error of validator.Errors(fields)) {
    // additionalProperties: false reports each extra field twice; the named list is the clearer one.
    if (error.keyword === 'boolean') continue
    const params = error.params as { additionalProperties?: string[]; requiredProperties?: string[] }
    if (params.additionalProperties) {
      for (const field of params.additionalProperties)
        problems.push({ field, message: 'is not a field an incident import knows' })
    } else if (params.requiredProperties) {
      for (const field of params.requiredProperties) problems.push({ field, message: 'is required' })
    } else {
      const field = error.instancePath.split('/')[1] || 'row'
      problems.push({ field, message: error.message })
    }
  }
  return problems
}

/**
 * A row checked as filing checks a report: the three requirements of shared/domain first (their
 * wording is the product's), then the schema for everything else. One problem per field.
 */
export function checkImportRow(
  fields: Record<string, unknown>,
  today: string,
): { ok: true; row: IncidentImportRow } | { ok: false; problems: FieldProblem[] } {
  const { input, wrongType } = requirementInput(fields)
  const requirementProblems = checkRequirements(input, today).filter((problem) => !wrongType.has(problem.field))
  if (requirementProblems.length === 0 && validator.Check(fields)) return { ok: true, row: fields as IncidentImportRow }
  const seen = new Set<string>()
  const problems: FieldProblem[] = []
  for (const problem of [...requirementProblems, ...schemaProblems(fields)]) {
    if (seen.has(problem.field)) continue
    seen.add(problem.field)
    problems.push(problem)
  }
  return { ok: false, problems }
}
