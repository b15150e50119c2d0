export {
  type ReaderKey,
  readerKeys,
  type SearchDocument,
  type SearchDocumentType,
  type SearchViewer,
  searchDocumentTypes,
} from './document.ts';
export {
  defaultPageSize,
  emptyFacets,
  emptyResult,
  maxCountedHits,
  maxPageSize,
  type SearchEngine,
  type SearchFacets,
  type SearchHit,
  type SearchQuery,
  type SearchRef,
  type SearchResult,
} from './port.ts';
export { PostgresSearchEngine } from './postgres.ts';
