import type { TFunction } from 'i18next';
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserRecord } from '../../../common/contracts/users.ts';
import { type Role, roles } from '../../../common/domain/enums.ts';
import { isApiError } from '../../app/http.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { type Column, DataTable } from '../../ui/data-table.tsx';
import { SelectField, TextField } from '../../ui/field.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { LinkField } from '../registry/link-field.tsx';
import { useLinkLabels } from '../registry/registry.api.ts';
import { useMe } from '../session/session.api.ts';
import { generateOneTimePassword } from './one-time-password.ts';
import { useCreateUser, useDeleteUser, useUpdateUser, useUsers } from './users.api.ts';

type Shown = { email: string; password: string };
type FormErrors = { email?: string; organisationId?: string; form?: string };

/** The admin's accounts page: who can sign in, with which role and unit; new accounts and
 * password resets hand over a one-time password shown once. */
export function UsersPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [q, setQ] = useState('');
  const users = useUsers(q);
  const [shown, setShown] = useState<Shown | null>(null);
  const [managedId, setManagedId] = useState<string | null>(null);
  if (me.data && me.data.role !== 'admin') {
    return (
      <p className="notice" role="alert">
        {t('users.adminOnly')}
      </p>
    );
  }
  const managed = users.data?.items.find((user) => user.id === managedId);
  return (
    <div className="stack">
      <h1>{t('users.title')}</h1>
      <CreateUserForm onCreated={setShown} />
      <section className="stack" aria-labelledby="accounts-list">
        <h2 id="accounts-list">{t('users.list')}</h2>
        <TextField label={t('users.search')} type="search" name="q" value={q} onChange={setQ} />
        <QueryState query={users}>
          {(page) => <UsersTable users={page.items} onManage={setManagedId} />}
        </QueryState>
      </section>
      {managed && (
        <ManageUserDialog
          user={managed}
          isSelf={managed.id === me.data?.id}
          onClose={() => setManagedId(null)}
          onPasswordReset={(password) => {
            setManagedId(null);
            setShown({ email: managed.email, password });
          }}
        />
      )}
      {shown && <OneTimePasswordDialog shown={shown} onClose={() => setShown(null)} />}
    </div>
  );
}

function UsersTable({ users, onManage }: { users: UserRecord[]; onManage: (id: string) => void }) {
  const { t } = useTranslation();
  const unitOf = useLinkLabels(
    'organisations',
    users.flatMap((user) => (user.organisationId ? [user.organisationId] : [])),
  );
  const columns: Array<Column<UserRecord>> = [
    { key: 'name', header: t('users.name'), render: (user) => user.displayName || t('app.none') },
    { key: 'email', header: t('users.email'), render: (user) => user.email },
    { key: 'role', header: t('users.role'), render: (user) => t(`session.roles.${user.role}`) },
    {
      key: 'unit',
      header: t('users.unit'),
      render: (user) => (user.organisationId ? (unitOf(user.organisationId) ?? '…') : t('app.none')),
    },
    {
      key: 'active',
      header: t('users.status'),
      render: (user) => (user.isActive ? t('users.active') : t('users.disabled')),
    },
    {
      key: 'lastSignIn',
      header: t('users.lastSignIn'),
      render: (user) => formatDateTime(user.lastSignInAt) || t('users.unknown'),
    },
    {
      key: 'manage',
      header: t('users.actions'),
      render: (user) => (
        <button
          type="button"
          onClick={() => onManage(user.id)}
          aria-label={t('users.manageOne', { email: user.email })}
        >
          {t('users.manage')}
        </button>
      ),
    },
  ];
  return <DataTable caption={t('users.list')} columns={columns} rows={users} getRowKey={(user) => user.id} />;
}

function useRoleOptions() {
  const { t } = useTranslation();
  return roles.map((role) => ({ value: role, label: t(`session.roles.${role}`) }));
}

function CreateUserForm({ onCreated }: { onCreated: (shown: Shown) => void }) {
  const { t } = useTranslation();
  const create = useCreateUser();
  const roleOptions = useRoleOptions();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>('unit');
  const [organisationId, setOrganisationId] = useState<string | null>(null);
  const [errors, setErrors] = useState<FormErrors>({});

  function submit(event: FormEvent) {
    event.preventDefault();
    const password = generateOneTimePassword();
    const input = { email: email.trim(), password, role, organisationId, displayName: displayName.trim() };
    create.mutate(input, {
      onSuccess: (user) => {
        setErrors({});
        setEmail('');
        setDisplayName('');
        setOrganisationId(null);
        onCreated({ email: user.email, password });
      },
      onError: (error) => setErrors(explainRefusal(error, t)),
    });
  }

  return (
    <form onSubmit={submit} className="card stack" noValidate aria-labelledby="new-account">
      <h2 id="new-account">{t('users.create')}</h2>
      <p className="muted">{t('users.createHint')}</p>
      {errors.form && (
        <p className="notice notice-error" role="alert">
          {errors.form}
        </p>
      )}
      <div className="form-grid">
        <TextField
          label={t('users.email')}
          name="email"
          type="email"
          value={email}
          onChange={setEmail}
          error={errors.email}
          isRequired
        />
        <TextField label={t('users.name')} name="displayName" value={displayName} onChange={setDisplayName} />
        <SelectField
          label={t('users.role')}
          name="role"
          value={role}
          options={roleOptions}
          onChange={(value) => setRole(value as Role)}
        />
        <LinkField
          kind="organisations"
          label={t('users.unit')}
          name="organisationId"
          ids={organisationId ? [organisationId] : []}
          onChange={(ids) => setOrganisationId(ids[0] ?? null)}
          error={errors.organisationId}
          isSingle
        />
      </div>
      <p>
        <button type="submit" className="primary" disabled={create.isPending}>
          {t('users.createSubmit')}
        </button>
      </p>
    </form>
  );
}

function ManageUserDialog({
  user,
  isSelf,
  onClose,
  onPasswordReset,
}: {
  user: UserRecord;
  isSelf: boolean;
  onClose: () => void;
  onPasswordReset: (password: string) => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateUser();
  const remove = useDeleteUser();
  const roleOptions = useRoleOptions();
  const [isDeleting, setIsDeleting] = useState(false);
  const [role, setRole] = useState<Role>(user.role);
  const [organisationId, setOrganisationId] = useState<string | null>(user.organisationId);
  const [errors, setErrors] = useState<FormErrors>({});
  const [saved, setSaved] = useState('');

  function change(values: Parameters<typeof update.mutate>[0], done: () => void) {
    setSaved('');
    update.mutate(values, {
      onSuccess: () => {
        setErrors({});
        done();
      },
      onError: (error) => setErrors(explainRefusal(error, t)),
    });
  }

  function save(event: FormEvent) {
    event.preventDefault();
    change({ id: user.id, version: user.version, role, organisationId }, () => setSaved(t('users.saved')));
  }

  function deleteAccount() {
    remove.mutate(
      { id: user.id, version: user.version },
      { onSuccess: onClose, onError: (error) => setErrors(explainRefusal(error, t)) },
    );
  }

  function resetPassword() {
    const password = generateOneTimePassword();
    change({ id: user.id, version: user.version, password }, () => onPasswordReset(password));
  }

  return (
    <Dialog title={t('users.manageTitle', { email: user.email })} onClose={onClose}>
      <form onSubmit={save} className="stack" noValidate>
        {errors.form && (
          <p className="notice notice-error" role="alert">
            {errors.form}
          </p>
        )}
        {saved && (
          <p className="notice notice-ok" role="status">
            {saved}
          </p>
        )}
        <SelectField
          label={t('users.role')}
          name="role"
          value={role}
          options={roleOptions}
          onChange={(value) => setRole(value as Role)}
        />
        <LinkField
          kind="organisations"
          label={t('users.unit')}
          name="organisationId"
          ids={organisationId ? [organisationId] : []}
          onChange={(ids) => setOrganisationId(ids[0] ?? null)}
          error={errors.organisationId}
          isSingle
        />
        <p className="row">
          <button type="submit" className="primary" disabled={update.isPending}>
            {t('users.save')}
          </button>
          <button
            type="button"
            disabled={update.isPending || (isSelf && user.isActive)}
            onClick={() =>
              change({ id: user.id, version: user.version, isActive: !user.isActive }, () =>
                setSaved(user.isActive ? t('users.wasDisabled') : t('users.wasEnabled')),
              )
            }
          >
            {user.isActive ? t('users.disable') : t('users.enable')}
          </button>
          <button type="button" disabled={update.isPending} onClick={resetPassword}>
            {t('users.resetPassword')}
          </button>
          {isDeleting ? (
            <button type="button" disabled={remove.isPending} onClick={deleteAccount}>
              {t('users.confirmDelete', { email: user.email })}
            </button>
          ) : (
            <button type="button" onClick={() => setIsDeleting(true)}>
              {t('users.delete')}
            </button>
          )}
        </p>
      </form>
    </Dialog>
  );
}

/** The one moment the password is visible: copy it now, it is stored only as a hash. */
function OneTimePasswordDialog({ shown, onClose }: { shown: Shown; onClose: () => void }) {
  const { t } = useTranslation();
  const [isCopied, setIsCopied] = useState(false);
  return (
    <Dialog title={t('users.passwordTitle')} onClose={onClose}>
      <p>{t('users.passwordShownOnce', { email: shown.email })}</p>
      <p>
        <code data-testid="one-time-password">{shown.password}</code>
      </p>
      <p className="row">
        <button
          type="button"
          onClick={() =>
            void navigator.clipboard.writeText(shown.password).then(
              () => setIsCopied(true),
              () => setIsCopied(false),
            )
          }
        >
          {t('users.copy')}
        </button>
        {isCopied && <span role="status">{t('users.copied')}</span>}
      </p>
    </Dialog>
  );
}

/** A modal <dialog>: focus stays inside, Escape and the close button end it. */
function Dialog({ title, onClose, children }: { title: string; onClose: () => void; children: ReactNode }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog ref={ref} className="card stack dialog" aria-label={title} onClose={onClose}>
      <h2>{title}</h2>
      {children}
      <p>
        <button type="button" onClick={onClose}>
          {t('users.close')}
        </button>
      </p>
    </dialog>
  );
}

/** The server's refusal, next to the field it concerns; anything else as the server words it
 * (in the reader's language, see Accept-Language in app/http.ts). */
function explainRefusal(error: Error, t: TFunction): FormErrors {
  if (!isApiError(error)) return { form: t('app.loadFailed') };
  switch (error.code) {
    case 'users.email_taken':
      return { email: t('users.emailTaken') };
    case 'users.unit_needs_organisation':
      return { organisationId: t('users.unitNeedsOrganisation') };
    case 'users.last_admin':
      return { form: t('users.lastAdmin') };
    case 'version.conflict':
      return { form: t('users.conflict') };
    default: {
      const email = error.fieldErrors.find((field) => field.path === 'email');
      if (email) return { email: email.message };
      return { form: error.detail || t('app.loadFailed') };
    }
  }
}
