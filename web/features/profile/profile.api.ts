import { useMutation } from '@tanstack/react-query';
import type { ChangeOwnPassword } from '../../../common/contracts/users.ts';
import { requestJson } from '../../app/http.ts';

export function useChangeOwnPassword() {
  return useMutation({
    mutationFn: (input: ChangeOwnPassword) =>
      requestJson<void>('/api/v1/me/password', { method: 'POST', body: input }),
  });
}

export function useEndOtherSessions() {
  return useMutation({
    mutationFn: () => requestJson<{ ended: number }>('/api/v1/me/sessions/end-others', { method: 'POST' }),
  });
}
