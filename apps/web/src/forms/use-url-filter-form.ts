import { useEffect, useRef } from 'react';
import { useForm, type DefaultValues, type FieldValues } from 'react-hook-form';
import { useSearchParams } from 'react-router';

/**
 * A filter form whose state lives in the URL query, so a filtered view can be bookmarked and the back button works:
 * the form shows the query's filter (again after back/forward or a link), and `apply` moves to the query of the
 * submitted filter, or reloads when that is the query shown already.
 */
export function useUrlFilterForm<V extends FieldValues>(valuesOf: (params: URLSearchParams) => V) {
  const [searchParams, setSearchParams] = useSearchParams();
  const search = searchParams.toString();
  const form = useForm<V>({ defaultValues: valuesOf(searchParams) as DefaultValues<V> });
  const valuesOfRef = useRef(valuesOf);
  valuesOfRef.current = valuesOf;

  // Back/forward or a link changed the query: show that filter in the form.
  useEffect(() => {
    form.reset(valuesOfRef.current(new URLSearchParams(search)));
  }, [search, form]);

  const apply = (next: URLSearchParams, reload: () => void) => {
    if (next.toString() === search) reload();
    else setSearchParams(next);
  };

  return { form, searchParams, search, apply };
}
