export * from './concepts'
export * from './rank'
export * from './text-index'
