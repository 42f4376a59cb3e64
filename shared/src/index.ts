export * from './domain/dates'
export * from './domain/index'
export * from './schemas/index'
