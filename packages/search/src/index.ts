export {
  type ReaderKey,
  readerKeys,
  type SearchDocument,
  type SearchDocumentType,
  type SearchViewer,
  searchDocumentTypes,
} from './document.ts';
