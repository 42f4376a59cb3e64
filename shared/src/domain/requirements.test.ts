import { describe, expect, it } from 'vitest'
import { checkRequirements, HARM_UNANSWERED_MESSAGE, isNoHarm, NO_HARM_MESSAGE, type RequirementInput } from './requirements'

const complete: RequirementInput = {
  discoveredAt: '2024-05-10',
  discoveryChannel: 'code_review',
  expected: 'the old endpoint to keep working until Q3',
  surprise: 4,
  harmedGoal: 'ship the mobile release on time',
  harm: 3,
}

const fields = (report: RequirementInput, today?: string) => checkRequirements(report, today).map((p) => p.field)

describe('checkRequirements', () => {
  it('finds no problem in a report that meets all three requirements', () => {
    expect(checkRequirements(complete, '2024-05-10')).toEqual([])
  })

  it('says plainly that a surprise without harm is not a misalignment', () => {
    const problems = checkRequirements({ ...complete, harm: 0, harmedGoal: '' })
    expect(problems).toEqual([{ field: 'harm', message: NO_HARM_MESSAGE }])
    expect(NO_HARM_MESSAGE).toBe('a surprise without harm is not a misalignment')
  })

  it('asks how much it hurt when harm is simply not answered yet', () => {
    for (const harm of [null, undefined]) {
      const problems = checkRequirements({ ...complete, harm })
      expect(problems).toEqual([{ field: 'harm', message: HARM_UNANSWERED_MESSAGE }])
    }
    expect(HARM_UNANSWERED_MESSAGE).toBe('Say how much this hurt, 1–5')
  })

  it('asks which goal was hurt only when there was harm', () => {
    expect(checkRequirements({ ...complete, harmedGoal: '   ' })).toEqual([
      { field: 'harmedGoal', message: 'Say which of your goals it hurt' },
    ])
  })

  it('rejects harm and surprise ratings outside 1 to 5', () => {
    expect(fields({ ...complete, harm: 6 })).toEqual(['harm'])
    expect(fields({ ...complete, harm: -1 })).toEqual(['harm'])
    expect(fields({ ...complete, surprise: 2.5 })).toEqual(['surprise'])
    expect(checkRequirements({ ...complete, harm: 6 })[0]?.message).not.toBe(NO_HARM_MESSAGE)
  })

  it('says an expected decision is not a misalignment when surprise is missing', () => {
    for (const surprise of [0, null, undefined]) {
      const [problem] = checkRequirements({ ...complete, surprise })
      expect(problem?.field).toBe('surprise')
      expect(problem?.message).toMatch(/expected is not a misalignment.*how surprising/)
    }
  })

  it('asks what was expected instead when that text is blank', () => {
    expect(checkRequirements({ ...complete, expected: ' \n\t' })).toEqual([
      { field: 'expected', message: 'Say what you expected instead' },
    ])
  })

  it('asks when and how the decision was discovered', () => {
    const problems = checkRequirements({ ...complete, discoveredAt: null, discoveryChannel: '' })
    expect(problems).toEqual([
      { field: 'discoveredAt', message: 'Say when you discovered the decision' },
      { field: 'discoveryChannel', message: 'Say how you discovered the decision' },
    ])
  })

  it('rejects a discovery date that is not a real calendar date', () => {
    const [problem] = checkRequirements({ ...complete, discoveredAt: '2023-02-29' })
    expect(problem?.field).toBe('discoveredAt')
    expect(problem?.message).toMatch(/real date/)
  })

  it('rejects a discovery date in the future but accepts today', () => {
    const [problem] = checkRequirements({ ...complete, discoveredAt: '2024-05-11' }, '2024-05-10')
    expect(problem?.field).toBe('discoveredAt')
    expect(problem?.message).toMatch(/cannot be in the future/)
    expect(checkRequirements({ ...complete, discoveredAt: '2024-05-10' }, '2024-05-10')).toEqual([])
  })

  it('does not judge the discovery date against a day it was not given', () => {
    expect(checkRequirements({ ...complete, discoveredAt: '2999-01-01' })).toEqual([])
  })

  it('rejects a discovery channel outside the known list and names the choices', () => {
    const [problem] = checkRequirements({ ...complete, discoveryChannel: 'rumour' })
    expect(problem?.field).toBe('discoveryChannel')
    expect(problem?.message).toMatch(/code review/)
  })

  it('lists every unmet requirement of an empty report in form order', () => {
    expect(fields({})).toEqual(['discoveredAt', 'discoveryChannel', 'surprise', 'expected', 'harm', 'harmedGoal'])
  })
})

describe('isNoHarm', () => {
  it('is true only when harm was answered as none', () => {
    expect(isNoHarm({ harm: 0 })).toBe(true)
  })

  it('is false when harm was rated or not answered yet', () => {
    expect(isNoHarm({ harm: 1 })).toBe(false)
    expect(isNoHarm({})).toBe(false)
    expect(isNoHarm({ harm: null })).toBe(false)
  })
})
