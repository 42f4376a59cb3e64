export * from './concepts'
export * from './rank'
export * from './text-index'
export * from './top'
