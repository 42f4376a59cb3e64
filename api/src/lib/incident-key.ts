/** "MIS-42" → 42, a uuid stays as it is: what the incident repositories look an incident up by. */
export const incidentKeyOf = (idOrKey: string): string | number => {
  const number = /^MIS-(\d+)$/.exec(idOrKey)?.[1]
  return number ? Number(number) : idOrKey
}
