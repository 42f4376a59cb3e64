import { describe, expect, it } from 'vitest'
import { actionClass, antiMisalignmentNotes, isAntiMisalignment } from './action-class'
import { actionKinds, alignmentActionKinds, antiMisalignmentActionKinds } from './vocabulary'

describe('actionClass', () => {
  it('classes sharing context as alignment', () => {
    for (const kind of alignmentActionKinds) expect(actionClass(kind)).toBe('alignment')
  })

  it('classes adding control as anti-misalignment', () => {
    for (const kind of antiMisalignmentActionKinds) expect(actionClass(kind)).toBe('anti_misalignment')
  })

  it('classes every action kind exactly once', () => {
    const anti = actionKinds.filter(isAntiMisalignment)
    expect(anti).toEqual([...antiMisalignmentActionKinds])
  })
})

describe('antiMisalignmentNotes', () => {
  it('has a note for every anti-misalignment kind', () => {
    expect(Object.keys(antiMisalignmentNotes).sort()).toEqual([...antiMisalignmentActionKinds].sort())
  })

  it('offers an alignment action as the alternative to each one', () => {
    for (const note of Object.values(antiMisalignmentNotes)) {
      expect(actionClass(note.alternative)).toBe('alignment')
      expect(note.cost.trim()).not.toBe('')
      expect(note.alternativeText.trim()).not.toBe('')
    }
  })

  it('says a sync meeting only helps those in the room and suggests sharing strategy', () => {
    expect(antiMisalignmentNotes.add_sync_meeting.cost).toMatch(/only helps those in the room/)
    expect(antiMisalignmentNotes.add_sync_meeting.alternative).toBe('share_strategy')
  })
})
