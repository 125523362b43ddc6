import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DocumentRecord } from '../../../common/contracts/documents.ts';
import type { DocumentKind, DocumentRecordType } from '../../../common/domain/documents.ts';
import { buildQuery, requestJson } from '../../app/http.ts';

const documentsKey = (recordType: DocumentRecordType, recordId: string) => [
  'documents',
  recordType,
  recordId,
];

export const documentContentUrl = (id: string) => `/api/v1/documents/${encodeURIComponent(id)}/content`;

export function useDocuments(recordType: DocumentRecordType, recordId: string) {
  return useQuery({
    queryKey: documentsKey(recordType, recordId),
    queryFn: ({ signal }) =>
      requestJson<{ items: DocumentRecord[] }>(`/api/v1/documents${buildQuery({ recordType, recordId })}`, {
        signal,
      }),
  });
}

/** Upload, change and delete, each refreshing the record's list. */
export function useDocumentMutations(recordType: DocumentRecordType, recordId: string) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: documentsKey(recordType, recordId) });
  return {
    upload: useMutation({
      mutationFn: ({ file, kind }: { file: File; kind: DocumentKind }) => {
        const form = new FormData();
        form.set('recordType', recordType);
        form.set('recordId', recordId);
        form.set('kind', kind);
        form.set('file', file);
        return requestJson<DocumentRecord>('/api/v1/documents', { method: 'POST', body: form });
      },
      onSuccess: refresh,
    }),
    update: useMutation({
      mutationFn: ({ document, isPublic }: { document: DocumentRecord; isPublic: boolean }) =>
        requestJson<DocumentRecord>(`/api/v1/documents/${encodeURIComponent(document.id)}`, {
          method: 'PATCH',
          body: { version: document.version, isPublic },
        }),
      onSettled: refresh,
    }),
    remove: useMutation({
      mutationFn: (document: DocumentRecord) =>
        requestJson<void>(
          `/api/v1/documents/${encodeURIComponent(document.id)}${buildQuery({ version: document.version })}`,
          {
            method: 'DELETE',
          },
        ),
      onSettled: refresh,
    }),
  };
}
